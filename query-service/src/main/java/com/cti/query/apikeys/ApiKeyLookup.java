package com.cti.query.apikeys;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.cti.query.api.Rows;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds an API key by its SHA-256 hash (the key itself is never stored, compared or
 * logged). A key works while it is not revoked, not past the end of its grace period, and
 * its app is enabled. Answers, including "no such key", are reused for the cache TTL, so
 * a revocation takes at most that long to be seen; the grace period's end is checked on
 * every request.
 */
@Component
class ApiKeyLookup {

	private final JdbcClient jdbc;

	private final @Nullable Cache<ByteBuffer, Optional<ApiKey>> cache;

	ApiKeyLookup(JdbcClient jdbc, ApiKeyProperties properties) {
		this.jdbc = jdbc;
		this.cache = properties.cacheTtl().isZero() ? null
				: Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(100_000).build();
	}

	Optional<ApiKey> find(byte[] keyHash) {
		Optional<ApiKey> key = (this.cache != null) ? this.cache.get(ByteBuffer.wrap(keyHash), (hash) -> load(keyHash))
				: load(keyHash);
		return key.filter(ApiKey::usable);
	}

	/** Whether the key is known to be valid without asking the database. */
	boolean knownValid(byte[] keyHash) {
		Optional<ApiKey> key = (this.cache != null) ? this.cache.getIfPresent(ByteBuffer.wrap(keyHash)) : null;
		return key != null && key.filter(ApiKey::usable).isPresent();
	}

	private Optional<ApiKey> load(byte[] keyHash) {
		return this.jdbc.sql("""
				select k.id, k.app_id, k.expires_at from api_keys k join apps a on a.id = k.app_id
				where k.key_hash = :hash and k.revoked_at is null and a.enabled
				""")
			.param("hash", keyHash)
			.query((rs, rowNum) -> new ApiKey(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
					Rows.instant(rs, "expires_at")))
			.optional();
	}

	/** A valid key: its id, its app, and the end of its grace period when rotated. */
	record ApiKey(UUID id, UUID appId, @Nullable Instant expiresAt) {

		boolean usable() {
			return this.expiresAt == null || this.expiresAt.isAfter(Instant.now());
		}

	}

}
