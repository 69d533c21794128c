package com.cti.query.calls;

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
 * Read-side SQL over {@code calls}, always scoped to one app, paged by keyset (never
 * OFFSET).
 */
@Component
class CallQueries {

	private static final String COLUMNS = """
			call_id, conversation_id, master_call_id, entry_point_call_id, operator_call_id, direction, state,
			external_number, internal_number, contact_id, contact_name, contact_type, contact_phone, target_id,
			target_name, target_type, target_phone, dialpad_user_id, client_user_id, started_at, connected_at,
			ended_at, duration_ms, talk_time_ms, hold_time_ms, is_active, answered, missed, has_voicemail,
			transferred, recorded, voicemail_link, transcription_text, recap_summary, mos_score, csat_score,
			event_timestamp, sort_at""";

	private final JdbcClient jdbc;

	CallQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} legs of the app, newest first, after the cursor's position when
	 * one is given.
	 */
	List<Row> list(UUID appId, int limit, @Nullable CallCursor after) {
		return this.jdbc.sql("""
				select %s from calls
				where app_id = :appId
				  and (cast(:afterAt as timestamptz) is null or (sort_at, call_id) < (:afterAt, :afterId))
				order by sort_at desc, call_id desc
				limit :limit
				""".formatted(COLUMNS))
			.param("appId", appId)
			.param("afterAt", (after != null) ? after.sortAt() : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("afterId", (after != null) ? after.callId() : 0L)
			.param("limit", limit)
			.query((rs, rowNum) -> new Row(map(rs), rs.getObject("sort_at", OffsetDateTime.class)))
			.list();
	}

	private static CallView map(ResultSet rs) throws SQLException {
		Instant started = instant(rs, "started_at");
		Instant connected = instant(rs, "connected_at");
		Instant ended = instant(rs, "ended_at");
		long duration = rs.getLong("duration_ms");
		return new CallView(rs.getLong("call_id"), rs.getLong("conversation_id"), longOrNull(rs, "master_call_id"),
				longOrNull(rs, "entry_point_call_id"), longOrNull(rs, "operator_call_id"), rs.getString("direction"),
				rs.getString("state"), rs.getString("external_number"), rs.getString("internal_number"),
				new CallView.Party(longOrNull(rs, "contact_id"), rs.getString("contact_name"),
						rs.getString("contact_type"), rs.getString("contact_phone")),
				new CallView.Party(longOrNull(rs, "target_id"), rs.getString("target_name"),
						rs.getString("target_type"), rs.getString("target_phone")),
				longOrNull(rs, "dialpad_user_id"), rs.getString("client_user_id"), started, millis(started), connected,
				millis(connected), ended, millis(ended), duration, duration / 1000.0, rs.getLong("talk_time_ms"),
				rs.getLong("hold_time_ms"), rs.getBoolean("is_active"), rs.getBoolean("answered"),
				rs.getBoolean("missed"), rs.getBoolean("has_voicemail"), rs.getBoolean("transferred"),
				rs.getBoolean("recorded"), rs.getString("voicemail_link"), rs.getString("transcription_text"),
				rs.getString("recap_summary"), rs.getObject("mos_score", Double.class),
				rs.getObject("csat_score", Double.class), rs.getLong("event_timestamp"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

	/** A leg with the position it sorts at, from which the next page's cursor is made. */
	record Row(CallView call, OffsetDateTime sortAt) {
	}

}
