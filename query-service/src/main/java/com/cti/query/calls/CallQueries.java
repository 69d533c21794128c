package com.cti.query.calls;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.cti.query.api.Cursor;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Rows;
import com.cti.query.api.SqlFilter;
import com.cti.query.api.UserMappings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-side SQL over {@code calls}, always scoped to one app, paged by keyset (never
 * OFFSET). The client's own user id comes from the app's current user mappings.
 */
@Component
public class CallQueries {

	/** The cursor kind of call lists. */
	static final String CURSOR_KIND = "c";

	private static final List<String> COLUMNS = List.of("app_id", "call_id", "conversation_id", "master_call_id",
			"entry_point_call_id", "operator_call_id", "direction", "state", "external_number", "internal_number",
			"contact_id", "contact_name", "contact_type", "contact_phone", "contact_email", "target_id", "target_name",
			"target_type", "target_phone", "target_email", "dialpad_user_id", "client_user_id", "started_at",
			"connected_at", "ended_at", "duration_ms", "total_duration_ms", "talk_time_ms", "hold_time_ms", "is_active",
			"answered", "missed", "has_voicemail", "transferred", "recorded", "is_internal", "recording_details",
			"voicemail_link", "transcription_text", "recap_summary", "recap_outcome", "labels", "mos_score",
			"csat_score", "states_seen", "event_timestamp", "updated_at", "sort_at");

	private static final String CALL_COLUMNS = columns("c");

	/** The legs chosen by an inner query {@code p}, with the mapped client user id. */
	private static final String WITH_USER = """
			select %s, coalesce(m.client_user_id, p.client_user_id) as mapped_user_id
			from (%%s) p
			left join user_mappings m on m.app_id = p.app_id and m.dialpad_user_id = p.dialpad_user_id
			order by p.sort_at desc, p.call_id desc
			""".formatted(columns("p"));

	private final JdbcClient jdbc;

	private final UserMappings users;

	CallQueries(JdbcClient jdbc, UserMappings users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/**
	 * Up to {@code limit + 1} legs of the app that match the filter, newest first, after
	 * the cursor when one is given.
	 */
	List<Row> list(UUID appId, CallFilter filter, PageRequest page) {
		List<Long> users = (filter.userId() != null) ? this.users.dialpadUserIds(appId, filter.userId()) : List.of();
		if (filter.userId() != null && users.isEmpty()) {
			return List.of();
		}
		SqlFilter sql = filter.toSql(users);
		if (page.after() != null) {
			sql.after("c.sort_at", "c.call_id", page.after());
		}
		String where = "c.app_id = :appId" + (sql.where().isEmpty() ? "" : "\n  and " + sql.where());
		String inner;
		if (filter.number() == null) {
			inner = branch(where);
		}
		else {
			// two branches, each an ordered scan of its own (app, number, sort_at,
			// call_id) index
			inner = "(" + branch(where + " and c.external_number = :number") + ")\nunion all\n("
					+ branch(where + " and c.internal_number = :number and c.external_number is distinct from :number")
					+ ")\norder by sort_at desc, call_id desc limit :limit";
			sql.bind("number", filter.number().e164());
		}
		return this.jdbc.sql(WITH_USER.formatted(inner))
			.params(sql.params())
			.param("appId", appId)
			.param("limit", page.limit() + 1)
			.query((rs, rowNum) -> new Row(map(rs), Rows.sortAt(rs)))
			.list();
	}

	private static String branch(String where) {
		return "select " + CALL_COLUMNS + " from calls c where " + where
				+ "\norder by c.sort_at desc, c.call_id desc limit :limit";
	}

	Optional<CallView> find(UUID appId, long callId) {
		return this.jdbc
			.sql(WITH_USER
				.formatted("select " + CALL_COLUMNS + " from calls c where c.app_id = :appId and c.call_id = :callId"))
			.param("appId", appId)
			.param("callId", callId)
			.query((rs, rowNum) -> map(rs))
			.optional();
	}

	/** The app's legs with the given ids (those it has), for rendering changes. */
	public List<CallView> findAll(UUID appId, Collection<Long> callIds) {
		return this.jdbc
			.sql(WITH_USER.formatted(
					"select " + CALL_COLUMNS + " from calls c where c.app_id = :appId and c.call_id = any(:callIds)"))
			.param("appId", appId)
			.param("callIds", callIds.toArray(Long[]::new))
			.query((rs, rowNum) -> map(rs))
			.list();
	}

	/** Every leg of the given conversations, newest first. */
	public List<CallView> legsOf(UUID appId, Collection<Long> conversationIds) {
		return this.jdbc
			.sql(WITH_USER.formatted("select " + CALL_COLUMNS
					+ " from calls c where c.app_id = :appId and c.conversation_id = any(:conversationIds)"))
			.param("appId", appId)
			.param("conversationIds", conversationIds.toArray(Long[]::new))
			.query((rs, rowNum) -> map(rs))
			.list();
	}

	/**
	 * The states the leg went through, from the raw events the processor stored, oldest
	 * first.
	 */
	List<TimelineEntry> timeline(UUID appId, long callId) {
		return this.jdbc.sql("""
				select distinct state, event_timestamp from webhook_events
				where app_id = :appId and kind = 'call' and resource_id = :callId and state is not null
				  and event_timestamp is not null
				order by event_timestamp, state
				""")
			.param("appId", appId)
			.param("callId", callId)
			.query((rs, rowNum) -> TimelineEntry.of(rs.getString("state"), rs.getLong("event_timestamp")))
			.list();
	}

	static Cursor cursorOf(Row row) {
		return new Cursor(CURSOR_KIND, row.sortAt(), row.call().callId());
	}

	private static CallView map(ResultSet rs) throws SQLException {
		Instant started = Rows.instant(rs, "started_at");
		Instant connected = Rows.instant(rs, "connected_at");
		Instant ended = Rows.instant(rs, "ended_at");
		Instant updated = Rows.instant(rs, "updated_at");
		Long duration = Rows.longOrNull(rs, "duration_ms");
		Long totalDuration = Rows.longOrNull(rs, "total_duration_ms");
		Long talkTime = Rows.longOrNull(rs, "talk_time_ms");
		Long holdTime = Rows.longOrNull(rs, "hold_time_ms");
		return new CallView(rs.getLong("call_id"), rs.getLong("conversation_id"), Rows.longOrNull(rs, "master_call_id"),
				Rows.longOrNull(rs, "entry_point_call_id"), Rows.longOrNull(rs, "operator_call_id"),
				rs.getString("direction"), rs.getString("state"), rs.getString("external_number"),
				rs.getString("internal_number"), party(rs, "contact"), party(rs, "target"),
				Rows.longOrNull(rs, "dialpad_user_id"), rs.getString("mapped_user_id"), started, Rows.millis(started),
				connected, Rows.millis(connected), ended, Rows.millis(ended), duration, Rows.seconds(duration),
				totalDuration, Rows.seconds(totalDuration), talkTime, Rows.seconds(talkTime), holdTime,
				Rows.seconds(holdTime), rs.getBoolean("is_active"), rs.getBoolean("answered"), rs.getBoolean("missed"),
				rs.getBoolean("has_voicemail"), rs.getBoolean("transferred"), rs.getBoolean("recorded"),
				Rows.booleanOrNull(rs, "is_internal"), rs.getString("recording_details"),
				rs.getString("voicemail_link"), rs.getString("transcription_text"), rs.getString("recap_summary"),
				rs.getString("recap_outcome"), rs.getString("labels"), Rows.doubleOrNull(rs, "mos_score"),
				Rows.doubleOrNull(rs, "csat_score"), states(rs.getArray("states_seen")), rs.getLong("event_timestamp"),
				updated, updated.toEpochMilli());
	}

	private static CallView.Party party(ResultSet rs, String prefix) throws SQLException {
		return new CallView.Party(Rows.longOrNull(rs, prefix + "_id"), rs.getString(prefix + "_name"),
				rs.getString(prefix + "_type"), rs.getString(prefix + "_phone"), rs.getString(prefix + "_email"));
	}

	private static String[] states(@Nullable Array array) throws SQLException {
		return (array != null) ? (String[]) array.getArray() : new String[0];
	}

	private static String columns(String alias) {
		return COLUMNS.stream().map((column) -> alias + "." + column).collect(Collectors.joining(", "));
	}

	/** A leg with the position it sorts at, from which the next page's cursor is made. */
	record Row(CallView call, OffsetDateTime sortAt) {
	}

}
