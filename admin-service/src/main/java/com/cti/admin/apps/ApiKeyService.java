package com.cti.admin.apps;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.apikeys.ApiKeyRepository;
import com.cti.admin.apikeys.ApiKeyRepository.IssuedKey;
import com.cti.admin.apikeys.ApiKeyRepository.Revocation;
import com.cti.admin.apikeys.ApiKeyRepository.RetiredKey;
import com.cti.admin.audit.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues (rotates) and revokes an app's keys, one operation per app at a time (the app's
 * row is locked), each audited in the same transaction.
 */
@Service
class ApiKeyService {

	private final AppRepository apps;

	private final ApiKeyRepository apiKeys;

	ApiKeyService(AppRepository apps, ApiKeyRepository apiKeys) {
		this.apps = apps;
		this.apiKeys = apiKeys;
	}

	/**
	 * Issues a new key; the app's live keys keep working for {@code grace}, or stop now
	 * when it is zero.
	 */
	@Transactional
	Rotation rotate(UUID appId, Duration grace, Actor actor) {
		boolean enabled = this.apps.lock(appId).orElseThrow(() -> AdminProblems.appNotFound(appId));
		if (!enabled) {
			throw AdminProblems.of(HttpStatus.CONFLICT, "app-disabled", "App is disabled",
					"App " + appId + " is disabled: enable it (PATCH with {\"enabled\": true}) before issuing keys");
		}
		IssuedKey issued = this.apiKeys.issue(appId, actor,
				Map.of("reason", "rotation", "grace_period_seconds", grace.toSeconds()));
		List<RetiredKey> retired = this.apiKeys.retireLiveKeys(appId, issued.keyId(), grace, actor);
		return new Rotation(issued, retired);
	}

	@Transactional
	Revocation revoke(UUID appId, UUID keyId, Actor actor) {
		this.apps.lock(appId).orElseThrow(() -> AdminProblems.appNotFound(appId));
		return this.apiKeys.revoke(appId, keyId, actor, "revoked_by_admin")
			.orElseThrow(() -> AdminProblems.notFound("key-not-found", "API key not found",
					"App " + appId + " has no API key with id " + keyId));
	}

	record Rotation(IssuedKey issued, List<RetiredKey> retired) {
	}

}
