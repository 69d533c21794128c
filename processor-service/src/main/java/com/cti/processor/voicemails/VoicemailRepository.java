package com.cti.processor.voicemails;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.processor.merge.MergedRows;
import com.cti.processor.merge.SqlRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code voicemails} (owned by the processor).
 */
@Repository
public class VoicemailRepository {

	private static final int PARAMETERS_PER_ROW = 16;

	private static final String COLUMNS = """
			recording_id, caller_number, contact_id, contact_name, target_id, target_type, target_name,
			dialpad_user_id, link, duration_ms, transcription_text, created_at, event_timestamp, field_timestamps""";

	private final JdbcClient jdbc;

	VoicemailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or updates the voicemails in multi-row statements.
	 * @return the call ids of the voicemails that are new or differ from what was stored
	 */
	public List<Long> upsert(UUID appId, List<Voicemail> voicemails) {
		List<Long> changed = new ArrayList<>();
		for (List<Voicemail> chunk : SqlRows.chunks(voicemails, PARAMETERS_PER_ROW)) {
			changed.addAll(upsertChunk(appId, chunk));
		}
		return changed;
	}

	private List<Long> upsertChunk(UUID appId, List<Voicemail> voicemails) {
		SqlRows rows = new SqlRows().shared("appId", appId);
		for (Voicemail voicemail : voicemails) {
			rows.row()
				.sql(":appId")
				.value(voicemail.callId())
				.number(voicemail.recordingId())
				.text(voicemail.callerNumber())
				.number(voicemail.contactId())
				.text(voicemail.contactName())
				.number(voicemail.targetId())
				.text(voicemail.targetType())
				.text(voicemail.targetName())
				.number(voicemail.dialpadUserId())
				.text(voicemail.link())
				.number(voicemail.durationMs())
				.text(voicemail.transcriptionText())
				.time(voicemail.createdAt())
				.value(voicemail.eventTimestamp())
				.json(MergedRows.timestampsJson(voicemail.fieldTimestamps()));
		}
		String excluded = COLUMNS.replaceAll("(\\w+)", "excluded.$1");
		String current = COLUMNS.replaceAll("(\\w+)", "voicemails.$1");
		return this.jdbc.sql("""
				insert into voicemails (app_id, call_id, %s)
				values %s
				on conflict (app_id, call_id) do update set (%s) = (%s), updated_at = now()
				where (%s) is distinct from (%s)
				returning call_id
				""".formatted(COLUMNS, rows.values(), COLUMNS, excluded, current, excluded))
			.params(rows.parameters())
			.query(Long.class)
			.list();
	}

}
