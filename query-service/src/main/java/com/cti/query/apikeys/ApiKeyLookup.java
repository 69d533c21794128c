package com.cti.query.apikeys;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the app of an API key by the key's SHA-256 hash. A key works while it is neither
 * revoked nor past the end of its grace period, and its app is enabled.
 */
@Component
class ApiKeyLookup {

	private final JdbcClient jdbc;

	ApiKeyLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> appFor(byte[] keyHash) {
		return this.jdbc.sql("""
				select k.app_id from api_keys k join apps a on a.id = k.app_id
				where k.key_hash = :hash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
				  and a.enabled
				""").param("hash", keyHash).query(UUID.class).optional();
	}

}
