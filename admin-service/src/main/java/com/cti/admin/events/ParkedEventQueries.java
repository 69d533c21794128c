package com.cti.admin.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.apps.InstantIdCursor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the raw event log ({@code webhook_events}, owned by the processor; never written
 * here): unattributed events (no app) and events the processor failed to apply.
 */
@Component
class ParkedEventQueries {

	private static final String COLUMNS = """
			id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp, received_at, processed,
			processed_at, processing_error""";

	private final JdbcClient jdbc;

	ParkedEventQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Events without an app, newest first; by default only those still parked (not
	 * processed since).
	 */
	List<ParkedEvent> unattributed(boolean includeResolved, @Nullable InstantIdCursor after, int limit) {
		return page("app_id is null", null, includeResolved, after, limit);
	}

	/** Events the processor could not apply, newest first, optionally of one app. */
	List<ParkedEvent> failed(@Nullable UUID appId, boolean includeResolved, @Nullable InstantIdCursor after,
			int limit) {
		return page("processing_error is not null", appId, includeResolved, after, limit);
	}

	Optional<StoredEventDetail> find(UUID eventId) {
		return this.jdbc
			.sql("select %s, content_hash, payload, schema_version from webhook_events where id = :id"
				.formatted(COLUMNS))
			.param("id", eventId)
			.query((rs, n) -> new StoredEventDetail(event(rs, n), rs.getString("content_hash"), rs.getString("payload"),
					rs.getInt("schema_version")))
			.optional();
	}

	private List<ParkedEvent> page(String condition, @Nullable UUID appId, boolean includeResolved,
			@Nullable InstantIdCursor after, int limit) {
		return this.jdbc.sql("""
				select %s from webhook_events
				where %s
				  and (cast(:appId as uuid) is null or app_id = :appId)
				  and (:includeResolved or not processed)
				  and (cast(:at as timestamptz) is null or (received_at, id) < (:at, :id))
				order by received_at desc, id desc
				limit :limit
				""".formatted(COLUMNS, condition))
			.param("appId", appId)
			.param("includeResolved", includeResolved)
			.param("at", (after != null) ? OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC) : null)
			.param("id", (after != null) ? after.id() : null)
			.param("limit", limit)
			.query(ParkedEventQueries::event)
			.list();
	}

	private static ParkedEvent event(ResultSet rs, int row) throws SQLException {
		OffsetDateTime processedAt = rs.getObject("processed_at", OffsetDateTime.class);
		return new ParkedEvent(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
				rs.getString("claimed_app_id"), rs.getString("kind"), rs.getObject("resource_id", Long.class),
				rs.getString("state"), rs.getObject("event_timestamp", Long.class),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getBoolean("processed"),
				(processedAt != null) ? processedAt.toInstant() : null, rs.getString("processing_error"));
	}

}
