package com.cti.admin.apps;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates and manages client apps.
 */
@RestController
class AppController {

	private final AppService appService;

	AppController(AppService appService) {
		this.appService = appService;
	}

	// 200, not 201: the seed's clients expect the seed's answer
	@PostMapping("/internal/apps")
	AppCreated create(@Valid @RequestBody CreateApp command, HttpServletRequest request) {
		var created = this.appService.create(command.name().strip(), "internal-api", request.getRemoteAddr());
		return new AppCreated(true, created.appId(), created.apiKey(),
				"App created. Store the API key now: it is shown only this once.");
	}

	/** The request to create an app. */
	record CreateApp(@NotBlank @Size(max = 200) String name) {
	}

	/** The answer: the app id and its first API key, shown only this once. */
	record AppCreated(boolean success, UUID appId, String apiKey, String message) {
	}

}
