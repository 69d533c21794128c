package com.cti.admin.subscriptions;

import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.webhooks.SecretChoice;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/apps/{app_id}/setup}: an app's whole Dialpad set-up in one call.
 */
@RestController
class AppSetupController {

	private final AppSetupService setup;

	AppSetupController(AppSetupService setup) {
		this.setup = setup;
	}

	@PostMapping("/internal/apps/{appId}/setup")
	AppSetupService.AppSetup setUp(@PathVariable UUID appId,
			@RequestParam(name = "use_global_secret", defaultValue = "false") boolean useGlobalSecret,
			@RequestParam(name = "signed", defaultValue = "true") boolean signed,
			@RequestParam(name = "sms", defaultValue = "true") boolean sms) {
		if (!signed && useGlobalSecret) {
			throw ProvisioningProblems.badRequest("conflicting-parameters", "Conflicting parameters",
					"signed=false and use_global_secret=true contradict each other");
		}
		return this.setup.setUp(appId, SecretChoice.of(signed, useGlobalSecret), sms);
	}

}
