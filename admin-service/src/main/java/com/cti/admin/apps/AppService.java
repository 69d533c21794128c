package com.cti.admin.apps;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.apikeys.ApiKeyRepository;
import com.cti.admin.apikeys.ApiKeyRepository.IssuedKey;
import com.cti.admin.audit.Actor;
import com.cti.admin.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an app: created with its first key, renamed, disabled and enabled, deleted
 * (disabled with every key revoked; its data is kept). Each change is audited in the same
 * transaction.
 */
@Service
class AppService {

	private final AppRepository apps;

	private final ApiKeyRepository apiKeys;

	private final AuditLog auditLog;

	private final AppQueries queries;

	private final AppPurgePublisher purgePublisher;

	private final TransactionTemplate transactions;

	AppService(AppRepository apps, ApiKeyRepository apiKeys, AuditLog auditLog, AppQueries queries,
			AppPurgePublisher purgePublisher, PlatformTransactionManager transactionManager) {
		this.apps = apps;
		this.apiKeys = apiKeys;
		this.auditLog = auditLog;
		this.queries = queries;
		this.purgePublisher = purgePublisher;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	AppView get(UUID appId) {
		return this.queries.get(appId);
	}

	Page<AppView> list(@Nullable InstantIdCursor after, @Nullable Boolean enabled, int limit) {
		return Page.of(this.queries.page(after, enabled, limit + 1), limit,
				(app) -> new InstantIdCursor(app.createdAt(), app.appId()).encode());
	}

	@Transactional
	CreatedApp create(String name, Actor actor) {
		UUID appId = UUID.randomUUID();
		this.apps.insert(appId, name);
		this.auditLog.record(appId, null, "app_created", actor, Map.of("name", name));
		IssuedKey key = this.apiKeys.issue(appId, actor, Map.of("reason", "app_created"));
		return new CreatedApp(appId, key.keyId(), key.key());
	}

	@Transactional
	AppView update(UUID appId, @Nullable String name, @Nullable Boolean enabled, Actor actor) {
		this.apps.lock(appId).orElseThrow(() -> AdminProblems.appNotFound(appId));
		if (name != null) {
			this.apps.rename(appId, name);
			this.auditLog.record(appId, null, "app_renamed", actor, Map.of("name", name));
		}
		if (Boolean.TRUE.equals(enabled) && this.apps.isPurgeRequested(appId)) {
			throw AdminProblems.conflict("app-purged", "App purged", "The data of app " + appId
					+ " was purged (or is being purged): it cannot be enabled again." + " Create a new app instead.");
		}
		if (enabled != null && this.apps.setEnabled(appId, enabled)) {
			this.auditLog.record(appId, null, enabled ? "app_enabled" : "app_disabled", actor, Map.of());
		}
		return this.queries.get(appId);
	}

	/** Disables the app and revokes all its keys; returns the keys it revoked. */
	@Transactional
	List<UUID> delete(UUID appId, Actor actor) {
		this.apps.lock(appId).orElseThrow(() -> AdminProblems.appNotFound(appId));
		this.apps.setEnabled(appId, false);
		List<UUID> revoked = this.apiKeys.revokeAll(appId, actor, "app_deleted");
		this.auditLog.record(appId, null, "app_deleted", actor, Map.of("revoked_keys", revoked.size()));
		return revoked;
	}

	/**
	 * Deletes the app as {@link #delete} does and has its data purged: records the
	 * request and owes the processor the command in one transaction, and sends it once
	 * that committed (the processor purges only a committed request). When Kafka is known
	 * to be away before anything changes, nothing changes (a 503 problem); when it fails
	 * after the commit, the request stands and the outbox sends the command later.
	 * Repeating it is safe: an app already purged is left as it is, a request not yet
	 * carried out is sent again.
	 */
	PurgeRequested purge(UUID appId, Actor actor) {
		this.queries.get(appId);
		this.purgePublisher.requireKafka(appId);
		Purge purge = this.transactions.execute((status) -> requestPurge(appId, actor));
		if (purge.owed()) {
			this.purgePublisher.publish(appId);
		}
		return new PurgeRequested(purge.revokedKeys(), this.queries.get(appId));
	}

	private Purge requestPurge(UUID appId, Actor actor) {
		List<UUID> revoked = delete(appId, actor);
		if (this.apps.isPurged(appId)) {
			return new Purge(revoked.size(), false);
		}
		Instant requestedAt = this.apps.requestPurge(appId);
		this.auditLog.record(appId, null, "app_purge_requested", actor,
				Map.of("purge_requested_at", requestedAt.toString()));
		this.purgePublisher.owe(appId, actor.name());
		return new Purge(revoked.size(), true);
	}

	private record Purge(int revokedKeys, boolean owed) {
	}

	/** The answer to a purge: the keys it revoked now, and the app's state. */
	record PurgeRequested(int revokedKeys, AppView app) {
	}

	record CreatedApp(UUID appId, UUID keyId, String apiKey) {
	}

}
