package com.cti.admin.apikeys;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.audit.Actor;
import com.cti.admin.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code api_keys} (owned by the admin service) and records every change in the
 * audit log. A key is live while it is neither revoked nor past its {@code expires_at}
 * (that is how the query service checks it). Call inside a transaction that holds the
 * app's row lock.
 */
@Repository
public class ApiKeyRepository {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	ApiKeyRepository(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * Issues a new key for the app and returns it: the only time the key itself is seen.
	 */
	public IssuedKey issue(UUID appId, Actor actor, Map<String, ?> details) {
		String key = ApiKeys.generate();
		UUID keyId = UUID.randomUUID();
		String prefix = ApiKeys.visiblePrefix(key);
		this.jdbc.sql("""
				insert into api_keys (id, app_id, prefix, key_hash) values (:id, :appId, :prefix, :hash)
				""")
			.param("id", keyId)
			.param("appId", appId)
			.param("prefix", prefix)
			.param("hash", ApiKeys.hash(key))
			.update();
		this.auditLog.record(appId, keyId, "issued", actor, details);
		return new IssuedKey(keyId, key, prefix);
	}

	/**
	 * Retires every live key of the app but {@code newKeyId}: they keep working for the
	 * grace period (a key already retiring keeps its earlier end), or stop at once when
	 * it is zero.
	 */
	public List<RetiredKey> retireLiveKeys(UUID appId, UUID newKeyId, Duration grace, Actor actor) {
		List<RetiredKey> retired = this.jdbc.sql("""
				update api_keys
				set rotated_at = coalesce(rotated_at, now()),
				    expires_at = case when :grace > 0
				                      then least(coalesce(expires_at, 'infinity'), now() + :grace * interval '1 second')
				                      else expires_at end,
				    revoked_at = case when :grace > 0 then null else now() end
				where app_id = :appId and id <> :newKeyId
				  and revoked_at is null and (expires_at is null or expires_at > now())
				returning id, prefix, expires_at, revoked_at
				""")
			.param("appId", appId)
			.param("newKeyId", newKeyId)
			.param("grace", grace.toSeconds())
			.query((rs, n) -> new RetiredKey(rs.getObject("id", UUID.class), rs.getString("prefix"),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class))))
			.list();
		for (RetiredKey key : retired) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("replaced_by", newKeyId.toString());
			details.put("grace_period_seconds", grace.toSeconds());
			details.put("expires_at", (key.expiresAt() != null) ? key.expiresAt().toString() : null);
			details.put("revoked_immediately", key.revokedAt() != null);
			this.auditLog.record(appId, key.keyId(), "rotated", actor, details);
		}
		return retired;
	}

	/**
	 * Revokes one key of the app at once.
	 * @return when it was revoked, now or before; empty when the app has no such key
	 */
	public Optional<Revocation> revoke(UUID appId, UUID keyId, Actor actor, String reason) {
		Optional<Instant> revokedNow = this.jdbc.sql("""
				update api_keys set revoked_at = now()
				where id = :keyId and app_id = :appId and revoked_at is null
				returning revoked_at
				""")
			.param("keyId", keyId)
			.param("appId", appId)
			.query((rs, n) -> rs.getObject("revoked_at", OffsetDateTime.class).toInstant())
			.optional();
		if (revokedNow.isPresent()) {
			this.auditLog.record(appId, keyId, "revoked", actor, Map.of("reason", reason));
			return Optional.of(new Revocation(revokedNow.get(), true));
		}
		return this.jdbc.sql("select revoked_at from api_keys where id = :keyId and app_id = :appId")
			.param("keyId", keyId)
			.param("appId", appId)
			.query((rs, n) -> new Revocation(rs.getObject("revoked_at", OffsetDateTime.class).toInstant(), false))
			.optional();
	}

	/** Revokes every key of the app that is not revoked yet, and returns their ids. */
	public List<UUID> revokeAll(UUID appId, Actor actor, String reason) {
		List<UUID> revoked = this.jdbc.sql("""
				update api_keys set revoked_at = now() where app_id = :appId and revoked_at is null returning id
				""").param("appId", appId).query(UUID.class).list();
		for (UUID keyId : revoked) {
			this.auditLog.record(appId, keyId, "revoked", actor, Map.of("reason", reason));
		}
		return revoked;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * A key just issued.
	 *
	 * @param keyId its id
	 * @param key the key itself, shown once
	 * @param prefix what of it stays visible
	 */
	public record IssuedKey(UUID keyId, String key, String prefix) {
	}

	/**
	 * A key replaced by a rotation.
	 *
	 * @param keyId its id
	 * @param prefix its visible prefix
	 * @param expiresAt when it stops working (end of the grace period)
	 * @param revokedAt when it was revoked, if the grace period was zero
	 */
	public record RetiredKey(UUID keyId, String prefix, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {
	}

	/**
	 * The outcome of a revocation.
	 *
	 * @param revokedAt when the key was revoked
	 * @param changed false when it had been revoked before
	 */
	public record Revocation(Instant revokedAt, boolean changed) {
	}

}
