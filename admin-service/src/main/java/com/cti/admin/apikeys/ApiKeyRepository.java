package com.cti.admin.apikeys;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code api_keys} and its audit log {@code api_key_audit} (both owned by the
 * admin service).
 */
@Repository
public class ApiKeyRepository {

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Issues a new key for the app, records it in the audit log, and returns the key: the
	 * only time it is seen.
	 */
	public String issue(UUID appId, String actor, @Nullable String sourceAddress) {
		String key = ApiKeys.generate();
		UUID keyId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into api_keys (id, app_id, prefix, key_hash) values (:id, :appId, :prefix, :hash)
				""")
			.param("id", keyId)
			.param("appId", appId)
			.param("prefix", ApiKeys.visiblePrefix(key))
			.param("hash", ApiKeys.hash(key))
			.update();
		audit(appId, keyId, "issued", actor, sourceAddress);
		return key;
	}

	void audit(UUID appId, UUID keyId, String action, String actor, @Nullable String sourceAddress) {
		this.jdbc.sql("""
				insert into api_key_audit (app_id, key_id, action, actor, source_address)
				values (:appId, :keyId, :action, :actor, :source)
				""")
			.param("appId", appId)
			.param("keyId", keyId)
			.param("action", action)
			.param("actor", actor)
			.param("source", sourceAddress)
			.update();
	}

}
