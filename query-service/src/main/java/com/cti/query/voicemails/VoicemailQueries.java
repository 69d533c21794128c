package com.cti.query.voicemails;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cti.query.api.Cursor;
import com.cti.query.api.PageRequest;
import com.cti.query.api.Rows;
import com.cti.query.api.SqlFilter;
import com.cti.query.api.UserMappings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-side SQL over {@code voicemails}, scoped to one app, paged by keyset.
 */
@Component
public class VoicemailQueries {

	static final String CURSOR_KIND = "w";

	private static final String SELECT = """
			select v.call_id, v.recording_id, v.caller_number, v.contact_id, v.contact_name, v.target_id,
			       v.target_type, v.target_name, v.dialpad_user_id, v.link, v.duration_ms, v.transcription_text,
			       v.created_at, v.event_timestamp, v.updated_at, v.sort_at, um.client_user_id
			from voicemails v
			left join user_mappings um on um.app_id = v.app_id and um.dialpad_user_id = v.dialpad_user_id
			""";

	private final JdbcClient jdbc;

	private final UserMappings users;

	VoicemailQueries(JdbcClient jdbc, UserMappings users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** Up to {@code limit + 1} voicemails of the app, newest first. */
	List<Row> list(UUID appId, VoicemailListRequest filter, PageRequest page) {
		SqlFilter sql = new SqlFilter().add("v.app_id = :appId");
		if (filter.userId() != null) {
			List<Long> users = this.users.dialpadUserIds(appId, filter.userId());
			if (users.isEmpty()) {
				return List.of();
			}
			sql.add("v.dialpad_user_id = any(:dialpadUserIds)", "dialpadUserIds", users.toArray(Long[]::new));
		}
		if (filter.from() != null) {
			sql.add("v.sort_at >= :from", "from", SqlFilter.utc(filter.from()));
		}
		if (filter.to() != null) {
			sql.add("v.sort_at < :to", "to", SqlFilter.utc(filter.to()));
		}
		if (filter.number() != null) {
			sql.add("v.caller_number = :number", "number", filter.number().e164());
		}
		if (filter.targetId() != null) {
			sql.add("v.target_id = :targetId", "targetId", filter.targetId());
		}
		if (filter.hasTranscription() != null) {
			sql.add("(v.transcription_text is not null) = :hasTranscription", "hasTranscription",
					filter.hasTranscription());
		}
		if (page.after() != null) {
			sql.after("v.sort_at", "v.call_id", page.after());
		}
		return this.jdbc.sql(SELECT + "where " + sql.where() + "\norder by v.sort_at desc, v.call_id desc limit :limit")
			.params(sql.params())
			.param("appId", appId)
			.param("limit", page.limit() + 1)
			.query((rs, rowNum) -> new Row(map(rs), Rows.sortAt(rs)))
			.list();
	}

	Optional<VoicemailView> find(UUID appId, long callId) {
		return this.jdbc.sql(SELECT + "where v.app_id = :appId and v.call_id = :callId")
			.param("appId", appId)
			.param("callId", callId)
			.query((rs, rowNum) -> map(rs))
			.optional();
	}

	/**
	 * The app's voicemails of the given call ids (those it has), for rendering changes.
	 */
	public List<VoicemailView> findAll(UUID appId, Collection<Long> callIds) {
		return this.jdbc.sql(SELECT + "where v.app_id = :appId and v.call_id = any(:callIds)")
			.param("appId", appId)
			.param("callIds", callIds.toArray(Long[]::new))
			.query((rs, rowNum) -> map(rs))
			.list();
	}

	private static VoicemailView map(ResultSet rs) throws SQLException {
		Instant created = Rows.instant(rs, "created_at");
		Instant updated = Rows.instant(rs, "updated_at");
		Long duration = Rows.longOrNull(rs, "duration_ms");
		String transcription = rs.getString("transcription_text");
		return new VoicemailView(rs.getLong("call_id"), Rows.longOrNull(rs, "recording_id"),
				rs.getString("caller_number"),
				new VoicemailView.Party(Rows.longOrNull(rs, "contact_id"), rs.getString("contact_name"), null),
				new VoicemailView.Party(Rows.longOrNull(rs, "target_id"), rs.getString("target_name"),
						rs.getString("target_type")),
				Rows.longOrNull(rs, "dialpad_user_id"), rs.getString("client_user_id"), rs.getString("link"), duration,
				Rows.seconds(duration), transcription, transcription != null, created, Rows.millis(created),
				rs.getLong("event_timestamp"), updated, updated.toEpochMilli());
	}

	/** A voicemail with the position it sorts at. */
	record Row(VoicemailView voicemail, OffsetDateTime sortAt) {

		Cursor cursor() {
			return new Cursor(CURSOR_KIND, this.sortAt, this.voicemail.callId());
		}

	}

}
