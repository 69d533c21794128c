package com.cti.processor.messages;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.processor.merge.ColumnBatch;
import com.cti.processor.merge.ColumnBatch.Kind;
import com.cti.processor.merge.MergeField;
import com.cti.processor.merge.MergedRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code messages} (owned by the processor).
 */
@Repository
class MessageRepository {

	private static final String FIELD_COLUMNS = MergedRows.columns(MessageFields.ALL);

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

	/** Inserts or replaces the given messages in one statement. */
	void upsert(UUID appId, List<Message> messages) {
		if (messages.isEmpty()) {
			return;
		}
		ColumnBatch batch = new ColumnBatch().column("message_id", Kind.BIGINT);
		MessageFields.ALL.forEach(batch::column);
		batch.column("event_timestamp", Kind.BIGINT)
			.column("field_timestamps", Kind.JSONB)
			.column("raw_payload", Kind.JSONB);
		for (Message message : messages) {
			batch.row().set("message_id", message.messageId());
			for (MergeField field : MessageFields.ALL) {
				batch.set(field.column(), message.value(field.column()));
			}
			batch.set("event_timestamp", message.merged().eventTimestamp())
				.set("field_timestamps", MergedRows.timestampsJson(message.merged().timestamps()))
				.set("raw_payload", message.merged().rawPayload());
		}
		Map<String, Object> parameters = batch.parameters();
		parameters.put("appId", appId);
		this.jdbc.sql("""
				insert into messages (app_id, %s)
				select :appId, %s from (%s) as incoming
				on conflict (app_id, message_id) do update set %s, event_timestamp = excluded.event_timestamp,
				    field_timestamps = excluded.field_timestamps, raw_payload = excluded.raw_payload,
				    updated_at = now()
				""".formatted(batch.names(), batch.names(), batch.select(), MergedRows.updates(MessageFields.ALL)))
			.params(parameters)
			.update();
	}

}
