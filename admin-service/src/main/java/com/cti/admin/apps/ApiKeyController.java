package com.cti.admin.apps;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.cti.admin.apikeys.ApiKeyMetadata;
import com.cti.admin.apikeys.ApiKeyMetadataQueries;
import com.cti.admin.apikeys.ApiKeyRepository.RetiredKey;
import com.cti.admin.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's API keys: issue a new one ({@code POST /internal/apps/{id}/api-key}, the
 * rotation endpoint that existing admin scripts call), list their metadata, revoke one.
 */
@RestController
class ApiKeyController {

	private final ApiKeyService apiKeyService;

	private final ApiKeyMetadataQueries keyQueries;

	private final AppQueries appQueries;

	private final KeyRotationProperties properties;

	ApiKeyController(ApiKeyService apiKeyService, ApiKeyMetadataQueries keyQueries, AppQueries appQueries,
			KeyRotationProperties properties) {
		this.apiKeyService = apiKeyService;
		this.keyQueries = keyQueries;
		this.appQueries = appQueries;
		this.properties = properties;
	}

	/**
	 * Issues a new key. The app's previous live keys keep working for the grace period:
	 * {@code {"grace_period_seconds": N}} or {@code ?grace=PT1H} (also {@code 90m},
	 * {@code 3600} seconds), default {@code cti.admin.api-keys.rotation-grace}; 0 revokes
	 * them now.
	 */
	@PostMapping("/internal/apps/{appId}/api-key")
	KeyIssued issue(@PathVariable UUID appId, @Valid @RequestBody(required = false) @Nullable RotateKey command,
			@RequestParam(name = "grace", required = false) @Nullable String grace, HttpServletRequest request) {
		Duration gracePeriod = gracePeriod((command != null) ? command.gracePeriodSeconds() : null, grace);
		var rotation = this.apiKeyService.rotate(appId, gracePeriod, Actor.of(request));
		return new KeyIssued(true, appId, rotation.issued().keyId(), rotation.issued().key(),
				rotation.issued().prefix(), message(gracePeriod, rotation.retired()), rotation.retired());
	}

	@GetMapping({ "/internal/apps/{appId}/api-keys", "/internal/apps/{appId}/api-key" })
	KeyList list(@PathVariable UUID appId) {
		this.appQueries.get(appId);
		return new KeyList(appId, this.keyQueries.keysOf(appId));
	}

	@DeleteMapping("/internal/apps/{appId}/api-keys/{keyId}")
	KeyRevoked revoke(@PathVariable UUID appId, @PathVariable UUID keyId, HttpServletRequest request) {
		var revocation = this.apiKeyService.revoke(appId, keyId, Actor.of(request));
		return new KeyRevoked(true, appId, keyId, revocation.revokedAt(),
				revocation.changed() ? "API key revoked." : "API key was already revoked.");
	}

	private static String message(Duration grace, List<RetiredKey> retired) {
		String issued = "API key issued. Store it now: it is shown only this once.";
		if (retired.isEmpty()) {
			return issued;
		}
		if (grace.isZero()) {
			return issued + " The previous key(s) were revoked.";
		}
		Instant until = retired.stream()
			.map(RetiredKey::expiresAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		return issued + " The previous key(s) keep working until " + until + ".";
	}

	private Duration gracePeriod(@Nullable Long seconds, @Nullable String text) {
		if (seconds != null && text != null) {
			throw invalidGrace("Give the grace period once: grace_period_seconds in the body or ?grace=");
		}
		Duration grace = this.properties.rotationGrace();
		if (seconds != null) {
			grace = Duration.ofSeconds(seconds);
		}
		else if (text != null) {
			try {
				grace = DurationStyle.detectAndParse(text.strip(), ChronoUnit.SECONDS);
			}
			catch (IllegalArgumentException ex) {
				throw invalidGrace("?grace must be a duration such as PT1H, 90m or 3600 (seconds)");
			}
		}
		if (grace.isNegative() || grace.compareTo(this.properties.maxRotationGrace()) > 0) {
			throw invalidGrace("The grace period must be between 0 and " + this.properties.maxRotationGrace());
		}
		return grace.truncatedTo(ChronoUnit.SECONDS);
	}

	private static RuntimeException invalidGrace(String detail) {
		return AdminProblems.badRequest("invalid-grace-period", "Invalid grace period", detail);
	}

	/** Optional body of a rotation. */
	record RotateKey(@Nullable @PositiveOrZero Long gracePeriodSeconds) {
	}

	/**
	 * The new key, shown only this once, and what became of the previous ones.
	 */
	record KeyIssued(boolean success, UUID appId, UUID keyId, String apiKey, String prefix, String message,
			List<RetiredKey> previousKeys) {
	}

	/** An app's keys, newest first, without the keys themselves. */
	record KeyList(UUID appId, List<ApiKeyMetadata> items) {
	}

	/** The answer to a revocation. */
	record KeyRevoked(boolean success, UUID appId, UUID keyId, Instant revokedAt, String message) {
	}

}
