package com.cti.processor.messages;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.cti.processor.merge.MergeField;
import com.cti.processor.merge.MergedRows;
import com.cti.processor.merge.SqlRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code messages} (owned by the processor).
 */
@Repository
class MessageRepository {

	private static final String FIELD_COLUMNS = MergedRows.columns(MessageFields.ALL);

	private static final int PARAMETERS_PER_ROW = MessageFields.ALL.size() + 5;

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Loads the stored messages, locking their rows until the transaction ends. */
	List<Message> lockAndLoad(UUID appId, Collection<Long> messageIds) {
		return this.jdbc.sql("""
				select message_id, %s, field_timestamps::text as field_timestamps, event_timestamp,
				       raw_payload::text as raw_payload
				from messages where app_id = :appId and message_id = any(:ids)
				order by message_id
				for update
				""".formatted(FIELD_COLUMNS))
			.param("appId", appId)
			.param("ids", messageIds.toArray(Long[]::new))
			.query((rs, row) -> new Message(appId, rs.getLong("message_id"), MergedRows.restore(rs, MessageFields.ALL)))
			.list();
	}

	/** Inserts or replaces the given messages in multi-row statements. */
	void upsert(UUID appId, List<Message> messages) {
		for (List<Message> chunk : SqlRows.chunks(messages, PARAMETERS_PER_ROW)) {
			SqlRows rows = new SqlRows().shared("appId", appId);
			for (Message message : chunk) {
				rows.row().sql(":appId").value(message.messageId());
				for (MergeField field : MessageFields.ALL) {
					rows.field(field, message.value(field.column()));
				}
				rows.value(message.merged().eventTimestamp())
					.json(MergedRows.timestampsJson(message.merged().timestamps()))
					.json(message.merged().rawPayload());
			}
			this.jdbc.sql("""
					insert into messages (app_id, message_id, %s, event_timestamp, field_timestamps, raw_payload)
					values %s
					on conflict (app_id, message_id) do update set %s, event_timestamp = excluded.event_timestamp,
					    field_timestamps = excluded.field_timestamps, raw_payload = excluded.raw_payload,
					    updated_at = now()
					""".formatted(FIELD_COLUMNS, rows.values(), MergedRows.updates(MessageFields.ALL)))
				.params(rows.parameters())
				.update();
		}
	}

}
