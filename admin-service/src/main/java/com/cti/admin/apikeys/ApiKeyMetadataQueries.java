package com.cti.admin.apikeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the metadata of an app's keys, with their last use as the query service records
 * it in {@code api_key_usage}.
 */
@Component
public class ApiKeyMetadataQueries {

	private final JdbcClient jdbc;

	ApiKeyMetadataQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The app's keys, newest first. */
	public List<ApiKeyMetadata> keysOf(UUID appId) {
		return this.jdbc.sql("""
				select k.id, k.prefix, k.created_at, k.rotated_at, k.expires_at, k.revoked_at, u.last_used_at,
				       case when k.revoked_at is not null then 'revoked'
				            when k.expires_at is not null and k.expires_at <= now() then 'expired'
				            when k.expires_at is not null then 'retiring'
				            else 'active' end as status
				from api_keys k left join api_key_usage u on u.key_id = k.id
				where k.app_id = :appId
				order by k.created_at desc, k.id desc
				""").param("appId", appId).query(ApiKeyMetadataQueries::metadata).list();
	}

	private static ApiKeyMetadata metadata(ResultSet rs, int row) throws SQLException {
		return new ApiKeyMetadata(rs.getObject("id", UUID.class), rs.getString("prefix"), rs.getString("status"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), instant(rs, "rotated_at"),
				instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
