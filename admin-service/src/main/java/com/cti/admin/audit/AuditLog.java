package com.cti.admin.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to the audit log ({@code api_key_audit}, owned by the admin service): every key
 * issued, rotated or revoked, and the app and event operations around them. Call it
 * inside the transaction of the change it records.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	AuditLog(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Records one action.
	 * @param appId the app concerned
	 * @param keyId the key concerned, if any
	 * @param action what happened, e.g. {@code issued}, {@code rotated}, {@code revoked}
	 * @param actor who asked, from where
	 * @param details more facts (JSON-serialisable values)
	 */
	public void record(UUID appId, @Nullable UUID keyId, String action, Actor actor, Map<String, ?> details) {
		Map<String, Object> all = new LinkedHashMap<>(details);
		if (actor.forwardedFor() != null) {
			all.put("forwarded_for", actor.forwardedFor());
		}
		this.jdbc.sql("""
				insert into api_key_audit (app_id, key_id, action, actor, source_address, details)
				values (:appId, :keyId, :action, :actor, :source, cast(:details as jsonb))
				""")
			.param("appId", appId)
			.param("keyId", keyId)
			.param("action", action)
			.param("actor", actor.name())
			.param("source", actor.sourceAddress())
			.param("details", this.jsonMapper.writeValueAsString(all))
			.update();
	}

}
