package com.cti.processor.calls;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the {@code calls} table (owned by the processor).
 */
@Repository
class CallRepository {

	private static final String FIELD_COLUMNS = CallField.ALL.stream()
		.map(CallField::column)
		.collect(Collectors.joining(", "));

	private static final TypeReference<Map<String, Long>> TIMESTAMPS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	CallRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/** Loads the stored legs, locking their rows until the transaction ends. */
	List<CallLeg> lockAndLoad(UUID appId, Collection<Long> callIds) {
		return this.jdbc.sql("""
				select call_id, conversation_id, %s, field_timestamps::text as field_timestamps, states_seen,
				       event_timestamp, raw_payload::text as raw_payload
				from calls where app_id = :appId and call_id = any(:callIds)
				order by call_id
				for update
				""".formatted(FIELD_COLUMNS))
			.param("appId", appId)
			.param("callIds", callIds.toArray(Long[]::new))
			.query((rs, row) -> restore(appId, rs))
			.list();
	}

	private CallLeg restore(UUID appId, ResultSet rs) throws SQLException {
		Map<String, Object> values = new HashMap<>();
		for (CallField field : CallField.ALL) {
			values.put(field.column(), readColumn(rs, field));
		}
		Array states = rs.getArray("states_seen");
		return CallLeg.restore(appId, rs.getLong("call_id"), values,
				this.jsonMapper.readValue(rs.getString("field_timestamps"), TIMESTAMPS),
				Arrays.asList((String[]) states.getArray()), rs.getLong("event_timestamp"), rs.getString("raw_payload"),
				rs.getLong("conversation_id"));
	}

	private static Object readColumn(ResultSet rs, CallField field) throws SQLException {
		String column = field.column();
		return switch (field.type()) {
			case LONG, MILLIS -> rs.getObject(column, Long.class);
			case TIMESTAMP -> rs.getObject(column, OffsetDateTime.class);
			case DOUBLE -> rs.getObject(column, Double.class);
			case FLAG -> Boolean.TRUE.equals(rs.getObject(column, Boolean.class)) ? Boolean.TRUE : null;
			case BOOLEAN -> rs.getObject(column, Boolean.class);
			case TEXT, JSON -> rs.getString(column);
		};
	}

	/** Inserts or replaces the given legs in one statement. */
	void upsert(UUID appId, List<CallLeg> legs) {
		if (legs.isEmpty()) {
			return;
		}
		Map<Long, String> clientUserIds = clientUserIds(appId, legs);
		StringJoiner rows = new StringJoiner(",\n");
		Map<String, Object> params = new HashMap<>();
		params.put("appId", appId);
		for (int i = 0; i < legs.size(); i++) {
			CallLeg leg = legs.get(i);
			StringJoiner row = new StringJoiner(", ", "(", ")");
			row.add(":appId");
			row.add(bind(params, i, "call_id", leg.callId()));
			row.add(bind(params, i, "conversation_id", leg.conversationId()));
			for (CallField field : CallField.ALL) {
				String name = bind(params, i, field.column(), defaulted(field, leg.value(field.column())));
				row.add((field.type() == FieldType.JSON) ? "cast(" + name + " as jsonb)" : name);
			}
			Long userId = leg.dialpadUserId();
			row.add(bind(params, i, "dialpad_user_id", userId));
			row.add(bind(params, i, "client_user_id", (userId != null) ? clientUserIds.get(userId) : null));
			row.add(bind(params, i, "states_seen", leg.statesSeen().toArray(String[]::new)));
			row.add(bind(params, i, "is_active", leg.active()));
			row.add(bind(params, i, "answered", leg.answered()));
			row.add(bind(params, i, "missed", leg.missed()));
			row.add(bind(params, i, "has_voicemail", leg.hasVoicemail()));
			row.add(bind(params, i, "event_timestamp", leg.eventTimestamp()));
			row.add("cast("
					+ bind(params, i, "field_timestamps", this.jsonMapper.writeValueAsString(leg.fieldTimestamps()))
					+ " as jsonb)");
			row.add("cast(" + bind(params, i, "raw_payload", leg.rawPayload()) + " as jsonb)");
			rows.add(row.toString());
		}
		String updates = CallField.ALL.stream()
			.map((field) -> field.column() + " = excluded." + field.column())
			.collect(Collectors.joining(", "));
		this.jdbc
			.sql("""
					insert into calls (app_id, call_id, conversation_id, %s, dialpad_user_id, client_user_id, states_seen,
					                   is_active, answered, missed, has_voicemail, event_timestamp, field_timestamps, raw_payload)
					values %s
					on conflict (app_id, call_id) do update set conversation_id = excluded.conversation_id, %s,
					    dialpad_user_id = excluded.dialpad_user_id, client_user_id = excluded.client_user_id,
					    states_seen = excluded.states_seen, is_active = excluded.is_active, answered = excluded.answered,
					    missed = excluded.missed, has_voicemail = excluded.has_voicemail,
					    event_timestamp = excluded.event_timestamp, field_timestamps = excluded.field_timestamps,
					    raw_payload = excluded.raw_payload, updated_at = now()
					"""
				.formatted(FIELD_COLUMNS, rows, updates))
			.params(params)
			.update();
	}

	private static Object defaulted(CallField field, Object value) {
		if (value == null && field.type() == FieldType.FLAG) {
			return Boolean.FALSE;
		}
		return value;
	}

	private static String bind(Map<String, Object> params, int row, String column, Object value) {
		String name = "r" + row + "_" + column;
		params.put(name, value);
		return ":" + name;
	}

	private Map<Long, String> clientUserIds(UUID appId, List<CallLeg> legs) {
		Long[] userIds = legs.stream()
			.map(CallLeg::dialpadUserId)
			.filter((id) -> id != null)
			.distinct()
			.toArray(Long[]::new);
		if (userIds.length == 0) {
			return Map.of();
		}
		Map<Long, String> result = new HashMap<>();
		this.jdbc.sql("""
				select dialpad_user_id, client_user_id from user_mappings
				where app_id = :appId and dialpad_user_id = any(:userIds)
				""").param("appId", appId).param("userIds", userIds).query((rs) -> {
			result.put(rs.getLong(1), rs.getString(2));
		});
		return result;
	}

	/**
	 * Stored legs that are, point at, or share a conversation with any of the given ids.
	 */
	List<ConversationLink> linkedRows(UUID appId, Collection<Long> ids) {
		Long[] idArray = ids.toArray(Long[]::new);
		return this.jdbc.sql("""
				select call_id, conversation_id, master_call_id, entry_point_call_id, operator_call_id from calls
				where app_id = :appId and (call_id = any(:ids) or conversation_id = any(:ids)
				   or master_call_id = any(:ids) or entry_point_call_id = any(:ids) or operator_call_id = any(:ids))
				""")
			.param("appId", appId)
			.param("ids", idArray)
			.query((rs, row) -> new ConversationLink(rs.getLong("call_id"), rs.getLong("conversation_id"),
					rs.getObject("master_call_id", Long.class), rs.getObject("entry_point_call_id", Long.class),
					rs.getObject("operator_call_id", Long.class)))
			.list();
	}

	void updateConversations(UUID appId, List<ConversationLink> links) {
		for (ConversationLink link : links) {
			this.jdbc
				.sql("update calls set conversation_id = :conversationId, updated_at = now()"
						+ " where app_id = :appId and call_id = :callId")
				.param("conversationId", link.conversationId())
				.param("appId", appId)
				.param("callId", link.callId())
				.update();
		}
	}

}
