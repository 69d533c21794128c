package com.cti.processor.calls;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.cti.processor.merge.ColumnBatch;
import com.cti.processor.merge.ColumnBatch.Kind;
import com.cti.processor.merge.MergeField;
import com.cti.processor.merge.MergedRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the {@code calls} table (owned by the processor).
 */
@Repository
class CallRepository {

	private static final String FIELD_COLUMNS = MergedRows.columns(CallFields.ALL);

	private final JdbcClient jdbc;

	CallRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	private static CallLeg restore(UUID appId, ResultSet rs) throws SQLException {
		Array states = rs.getArray("states_seen");
		return CallLeg.restore(appId, rs.getLong("call_id"), MergedRows.restore(rs, CallFields.ALL),
				Arrays.asList((String[]) states.getArray()), rs.getLong("conversation_id"));
	}

	/** Inserts or replaces the given legs in one statement. */
	void upsert(UUID appId, List<CallLeg> legs) {
		if (legs.isEmpty()) {
			return;
		}
		Map<Long, String> clientUserIds = clientUserIds(appId, legs);
		ColumnBatch batch = new ColumnBatch().column("call_id", Kind.BIGINT).column("conversation_id", Kind.BIGINT);
		CallFields.ALL.forEach(batch::column);
		batch.column("dialpad_user_id", Kind.BIGINT)
			.column("client_user_id", Kind.TEXT)
			.column("states_seen", Kind.TEXT_ARRAY)
			.column("is_active", Kind.BOOLEAN)
			.column("answered", Kind.BOOLEAN)
			.column("missed", Kind.BOOLEAN)
			.column("has_voicemail", Kind.BOOLEAN)
			.column("event_timestamp", Kind.BIGINT)
			.column("field_timestamps", Kind.JSONB)
			.column("raw_payload", Kind.JSONB);
		for (CallLeg leg : legs) {
			batch.row().set("call_id", leg.callId()).set("conversation_id", leg.conversationId());
			for (MergeField field : CallFields.ALL) {
				batch.set(field.column(), leg.value(field.column()));
			}
			Long userId = leg.dialpadUserId();
			batch.set("dialpad_user_id", userId)
				.set("client_user_id", (userId != null) ? clientUserIds.get(userId) : null)
				.set("states_seen", List.copyOf(leg.statesSeen()))
				.set("is_active", leg.active())
				.set("answered", leg.answered())
				.set("missed", leg.missed())
				.set("has_voicemail", leg.hasVoicemail())
				.set("event_timestamp", leg.eventTimestamp())
				.set("field_timestamps", MergedRows.timestampsJson(leg.fieldTimestamps()))
				.set("raw_payload", leg.rawPayload());
		}
		Map<String, Object> parameters = batch.parameters();
		parameters.put("appId", appId);
		this.jdbc.sql("""
				insert into calls (app_id, %s)
				select :appId, %s from (%s) as legs
				on conflict (app_id, call_id) do update set conversation_id = excluded.conversation_id, %s,
				    dialpad_user_id = excluded.dialpad_user_id, client_user_id = excluded.client_user_id,
				    states_seen = excluded.states_seen, is_active = excluded.is_active, answered = excluded.answered,
				    missed = excluded.missed, has_voicemail = excluded.has_voicemail,
				    event_timestamp = excluded.event_timestamp, field_timestamps = excluded.field_timestamps,
				    raw_payload = excluded.raw_payload, updated_at = now()
				""".formatted(batch.names(), batch.names(), batch.select(), MergedRows.updates(CallFields.ALL)))
			.params(parameters)
			.update();
	}

	private Map<Long, String> clientUserIds(UUID appId, List<CallLeg> legs) {
		Long[] userIds = legs.stream()
			.map(CallLeg::dialpadUserId)
			.filter(Objects::nonNull)
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

	/**
	 * Moves stored legs that no event of the batch touched into their new conversation.
	 */
	void updateConversations(UUID appId, List<ConversationLink> links) {
		if (links.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update calls set conversation_id = moved.conversation_id, updated_at = now()
				from unnest(:callIds, :conversationIds) as moved (call_id, conversation_id)
				where calls.app_id = :appId and calls.call_id = moved.call_id
				""")
			.param("appId", appId)
			.param("callIds", links.stream().map(ConversationLink::callId).toArray(Long[]::new))
			.param("conversationIds", links.stream().map(ConversationLink::conversationId).toArray(Long[]::new))
			.update();
	}

}
