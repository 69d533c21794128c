package com.cti.admin.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads apps, with when the processor purged their data (its {@code app_purges}).
 */
@Component
public class AppQueries {

	private static final String SELECT = """
			select a.id, a.name, a.enabled, a.created_at, a.updated_at, a.disabled_at, a.purge_requested_at, p.purged_at,
			       (select count(*) from api_keys k where k.app_id = a.id and k.revoked_at is null
			          and (k.expires_at is null or k.expires_at > now())) as live_keys
			from apps a
			left join app_purges p on p.app_id = a.id
			""";

	private final JdbcClient jdbc;

	AppQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AppView> find(UUID appId) {
		return this.jdbc.sql(SELECT + "where a.id = :id").param("id", appId).query(AppQueries::view).optional();
	}

	/** The app, or a 404 problem. */
	public AppView get(UUID appId) {
		return find(appId).orElseThrow(() -> AdminProblems.appNotFound(appId));
	}

	/** Up to {@code limit} apps after the cursor, newest first. */
	List<AppView> page(@Nullable InstantIdCursor after, @Nullable Boolean enabled, int limit) {
		return this.jdbc.sql(SELECT + """
				where (cast(:enabled as boolean) is null or a.enabled = :enabled)
				  and (cast(:at as timestamptz) is null or (a.created_at, a.id) < (:at, :id))
				order by a.created_at desc, a.id desc
				limit :limit
				""")
			.param("enabled", enabled)
			.param("at", (after != null) ? OffsetDateTime.ofInstant(after.at(), java.time.ZoneOffset.UTC) : null)
			.param("id", (after != null) ? after.id() : null)
			.param("limit", limit)
			.query(AppQueries::view)
			.list();
	}

	private static AppView view(ResultSet rs, int row) throws SQLException {
		return new AppView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("enabled"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), instant(rs, "disabled_at"),
				rs.getInt("live_keys"), instant(rs, "purge_requested_at"), instant(rs, "purged_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
