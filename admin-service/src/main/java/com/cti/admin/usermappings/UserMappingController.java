package com.cti.admin.usermappings;

import java.net.URI;
import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.admin.apps.AppQueries;
import com.cti.admin.apps.Page;
import com.cti.admin.paging.PageLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's user mappings, Dialpad user id to the client's own user id:
 * {@code /internal/apps/{app_id}/user-mappings}.
 */
@RestController
class UserMappingController {

	private final UserMappingRepository mappings;

	private final AppQueries apps;

	UserMappingController(UserMappingRepository mappings, AppQueries apps) {
		this.mappings = mappings;
		this.apps = apps;
	}

	@GetMapping("/internal/apps/{appId}/user-mappings")
	Page<UserMapping> list(@PathVariable UUID appId,
			@RequestParam(name = "client_user_id", required = false) @Nullable String clientUserId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "100") @PageLimit int limit) {
		this.apps.get(appId);
		var rows = this.mappings.page(appId, clientUserId, afterUserId(cursor), limit + 1);
		return Page.of(rows, limit, (mapping) -> Long.toString(mapping.dialpadUserId()));
	}

	@PostMapping("/internal/apps/{appId}/user-mappings")
	ResponseEntity<UserMapping> create(@PathVariable UUID appId, @Valid @RequestBody CreateUserMapping command) {
		this.apps.get(appId);
		UserMapping created = this.mappings.insert(appId, command.dialpadUserId(), command.clientUserId().strip())
			.orElseThrow(() -> AdminProblems.conflict("user-mapping-exists", "User already mapped",
					"Dialpad user " + command.dialpadUserId() + " is mapped already; PUT "
							+ path(appId, command.dialpadUserId()) + " changes it"));
		return ResponseEntity.created(URI.create(path(appId, command.dialpadUserId()))).body(created);
	}

	@GetMapping("/internal/apps/{appId}/user-mappings/{dialpadUserId}")
	UserMapping get(@PathVariable UUID appId, @PathVariable long dialpadUserId) {
		this.apps.get(appId);
		return this.mappings.find(appId, dialpadUserId).orElseThrow(() -> notFound(appId, dialpadUserId));
	}

	@PutMapping("/internal/apps/{appId}/user-mappings/{dialpadUserId}")
	UserMapping put(@PathVariable UUID appId, @PathVariable @Positive long dialpadUserId,
			@Valid @RequestBody UpdateUserMapping command) {
		this.apps.get(appId);
		return this.mappings.upsert(appId, dialpadUserId, command.clientUserId().strip());
	}

	@DeleteMapping("/internal/apps/{appId}/user-mappings/{dialpadUserId}")
	ResponseEntity<Void> delete(@PathVariable UUID appId, @PathVariable long dialpadUserId) {
		this.apps.get(appId);
		if (!this.mappings.delete(appId, dialpadUserId)) {
			throw notFound(appId, dialpadUserId);
		}
		return ResponseEntity.noContent().build();
	}

	private static String path(UUID appId, long dialpadUserId) {
		return "/internal/apps/" + appId + "/user-mappings/" + dialpadUserId;
	}

	private static ErrorResponseException notFound(UUID appId, long dialpadUserId) {
		return AdminProblems.notFound("user-mapping-not-found", "User mapping not found",
				"App " + appId + " has no mapping for Dialpad user " + dialpadUserId);
	}

	private static @Nullable Long afterUserId(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(cursor.strip());
		}
		catch (NumberFormatException ex) {
			throw AdminProblems.badRequest("invalid-cursor", "Invalid cursor",
					"The cursor is not valid; pass next_cursor from the previous page");
		}
	}

	/** A new mapping. */
	record CreateUserMapping(@NotNull @Positive Long dialpadUserId, @NotBlank @Size(max = 200) String clientUserId) {
	}

	/** The new client user id of a mapping. */
	record UpdateUserMapping(@NotBlank @Size(max = 200) String clientUserId) {
	}

}
