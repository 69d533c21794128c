package com.cti.admin.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cti.admin.audit.Actor;
import com.cti.admin.paging.PageLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates and manages client apps: {@code /internal/apps}.
 */
@RestController
class AppController {

	private final AppService appService;

	AppController(AppService appService) {
		this.appService = appService;
	}

	// 200 with {"success": true, ...}, not 201: the answer existing admin clients of this
	// endpoint are written against
	@PostMapping("/internal/apps")
	AppCreated create(@Valid @RequestBody CreateApp command, HttpServletRequest request) {
		var created = this.appService.create(command.name().strip(), Actor.of(request));
		return new AppCreated(true, created.appId(), created.apiKey(),
				"App created. Store the API key now: it is shown only this once.");
	}

	@GetMapping("/internal/apps")
	Page<AppView> list(@RequestParam(required = false) @Nullable Boolean enabled,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @PageLimit int limit) {
		return this.appService.list(InstantIdCursor.decode(cursor), enabled, limit);
	}

	@GetMapping("/internal/apps/{appId}")
	AppView get(@PathVariable UUID appId) {
		return this.appService.get(appId);
	}

	@PatchMapping("/internal/apps/{appId}")
	AppView update(@PathVariable UUID appId, @Valid @RequestBody UpdateApp command, HttpServletRequest request) {
		if (command.name() == null && command.enabled() == null) {
			throw AdminProblems.badRequest("nothing-to-change", "Nothing to change",
					"Give a new \"name\", \"enabled\" (true or false), or both");
		}
		String name = (command.name() != null) ? command.name().strip() : null;
		return this.appService.update(appId, name, command.enabled(), Actor.of(request));
	}

	/**
	 * Disables the app and revokes every key; its data is kept unless {@code purge=true}:
	 * then the processor deletes it (202 Accepted: {@code GET} shows {@code purged_at}
	 * once it has).
	 */
	@DeleteMapping("/internal/apps/{appId}")
	ResponseEntity<?> delete(@PathVariable UUID appId, @RequestParam(defaultValue = "false") boolean purge,
			HttpServletRequest request) {
		if (purge) {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(purge(appId, Actor.of(request)));
		}
		List<UUID> revoked = this.appService.delete(appId, Actor.of(request));
		return ResponseEntity.ok(new AppDeleted(true, appId, revoked.size(),
				"App disabled and its keys revoked; its data is kept. PATCH {\"enabled\": true} and issue a new key"
						+ " to use it again."));
	}

	private AppPurgeAccepted purge(UUID appId, Actor actor) {
		AppService.PurgeRequested purge = this.appService.purge(appId, actor);
		AppView app = purge.app();
		String message = (app.purgedAt() != null) ? "The app's data was purged at " + app.purgedAt() + "."
				: "App disabled and its keys revoked; its data is being purged (requested at " + app.purgeRequestedAt()
						+ "). GET the app: purged_at is set once it is done.";
		return new AppPurgeAccepted(true, appId, purge.revokedKeys(), app.purgeRequestedAt(), app.purgedAt(), message,
				app);
	}

	/** The request to create an app. */
	record CreateApp(@NotBlank @Size(max = 200) String name) {
	}

	/** The answer: the app id and its first API key, shown only this once. */
	record AppCreated(boolean success, UUID appId, String apiKey, String message) {
	}

	/** A change to an app: a new name, enabled or disabled, or both. */
	record UpdateApp(
			@Nullable @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
			@Nullable Boolean enabled) {
	}

	/** The answer to a delete with purge. */
	record AppPurgeAccepted(boolean success, UUID appId, int revokedKeys, @Nullable Instant purgeRequestedAt,
			@Nullable Instant purgedAt, String message, AppView app) {
	}

	/** The answer to a delete. */
	record AppDeleted(boolean success, UUID appId, int revokedKeys, String message) {
	}

}
