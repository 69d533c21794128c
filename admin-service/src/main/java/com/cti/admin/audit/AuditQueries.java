package com.cti.admin.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log, newest first, one keyset page at a time.
 */
@Component
class AuditQueries {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	AuditQueries(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/** Up to {@code limit} entries older than {@code beforeId}, newest first. */
	List<AuditEntry> entries(AuditFilter filter, @Nullable Long beforeId, int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, app_id, key_id, action, actor, source_address, details::text as details
				from api_key_audit
				where (cast(:appId as uuid) is null or app_id = :appId)
				  and (cast(:keyId as uuid) is null or key_id = :keyId)
				  and (cast(:action as text) is null or action = :action)
				  and (cast(:before as bigint) is null or id < :before)
				order by id desc
				limit :limit
				""")
			.param("appId", filter.appId())
			.param("keyId", filter.keyId())
			.param("action", filter.action())
			.param("before", beforeId)
			.param("limit", limit)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("app_id", UUID.class),
					rs.getObject("key_id", UUID.class), rs.getString("action"), rs.getString("actor"),
					rs.getString("source_address"), this.jsonMapper.readTree(rs.getString("details"))))
			.list();
	}

	/** What to show: every filter is optional. */
	record AuditFilter(@Nullable UUID appId, @Nullable UUID keyId, @Nullable String action) {
	}

}
