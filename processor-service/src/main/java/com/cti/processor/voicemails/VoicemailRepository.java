package com.cti.processor.voicemails;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.processor.merge.ColumnBatch;
import com.cti.processor.merge.ColumnBatch.Kind;
import com.cti.processor.merge.MergedRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code voicemails} (owned by the processor).
 */
@Repository
public class VoicemailRepository {

	private final JdbcClient jdbc;

	VoicemailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or updates the voicemails in one statement.
	 * @return the call ids of the voicemails that are new or differ from what was stored
	 */
	public List<Long> upsert(UUID appId, List<Voicemail> voicemails) {
		if (voicemails.isEmpty()) {
			return List.of();
		}
		ColumnBatch batch = new ColumnBatch().column("call_id", Kind.BIGINT)
			.column("recording_id", Kind.BIGINT)
			.column("caller_number", Kind.TEXT)
			.column("contact_id", Kind.BIGINT)
			.column("contact_name", Kind.TEXT)
			.column("target_id", Kind.BIGINT)
			.column("target_type", Kind.TEXT)
			.column("target_name", Kind.TEXT)
			.column("dialpad_user_id", Kind.BIGINT)
			.column("link", Kind.TEXT)
			.column("duration_ms", Kind.BIGINT)
			.column("transcription_text", Kind.TEXT)
			.column("created_at", Kind.TIMESTAMP)
			.column("event_timestamp", Kind.BIGINT)
			.column("field_timestamps", Kind.JSONB);
		for (Voicemail voicemail : voicemails) {
			batch.row()
				.set("call_id", voicemail.callId())
				.set("recording_id", voicemail.recordingId())
				.set("caller_number", voicemail.callerNumber())
				.set("contact_id", voicemail.contactId())
				.set("contact_name", voicemail.contactName())
				.set("target_id", voicemail.targetId())
				.set("target_type", voicemail.targetType())
				.set("target_name", voicemail.targetName())
				.set("dialpad_user_id", voicemail.dialpadUserId())
				.set("link", voicemail.link())
				.set("duration_ms", voicemail.durationMs())
				.set("transcription_text", voicemail.transcriptionText())
				.set("created_at", voicemail.createdAt())
				.set("event_timestamp", voicemail.eventTimestamp())
				.set("field_timestamps", MergedRows.timestampsJson(voicemail.fieldTimestamps()));
		}
		String columns = batch.names().replace("call_id, ", "");
		Map<String, Object> parameters = batch.parameters();
		parameters.put("appId", appId);
		return this.jdbc
			.sql("""
					insert into voicemails (app_id, call_id, %s)
					select :appId, call_id, %s from (%s) as incoming
					on conflict (app_id, call_id) do update set (%s) = (%s), updated_at = now()
					where (%s) is distinct from (%s)
					returning call_id
					""".formatted(columns, columns, batch.select(), columns, prefixed("excluded", columns),
					columns.replaceAll("(\\w+)", "voicemails.$1"), prefixed("excluded", columns)))
			.params(parameters)
			.query(Long.class)
			.list();
	}

	private static String prefixed(String table, String columns) {
		return columns.replaceAll("(\\w+)", table + ".$1");
	}

}
