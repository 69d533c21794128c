package com.cti.processor.calls;

import java.util.List;
import java.util.Set;

import com.cti.processor.merge.FieldType;
import com.cti.processor.merge.MergeField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The columns of {@code calls} merged from Dialpad call events, and where in the payload
 * each comes from. Derived columns (answered, active, ...) are computed after the merge.
 */
final class CallFields {

	/** States that mean a voicemail is being or has been left. */
	private static final Set<String> VOICEMAIL_STATES = Set.of("voicemail", "voicemail_uploaded");

	static final List<MergeField> ALL = List.of(MergeField.of("master_call_id", FieldType.LONG, "master_call_id"),
			MergeField.of("entry_point_call_id", FieldType.LONG, "entry_point_call_id"),
			MergeField.of("operator_call_id", FieldType.LONG, "operator_call_id"),
			MergeField.of("direction", FieldType.TEXT, "direction"), MergeField.of("state", FieldType.TEXT, "state"),
			MergeField.of("external_number", FieldType.TEXT, "external_number"),
			MergeField.of("internal_number", FieldType.TEXT, "internal_number"),
			MergeField.of("selected_caller_id", FieldType.TEXT, "selected_caller_id"),
			MergeField.of("group_id", FieldType.TEXT, "group_id"),
			MergeField.of("contact_id", FieldType.LONG, "contact", "id"),
			MergeField.of("contact_name", FieldType.TEXT, "contact", "name"),
			MergeField.of("contact_type", FieldType.TEXT, "contact", "type"),
			MergeField.of("contact_phone", FieldType.TEXT, "contact", "phone"),
			MergeField.of("contact_email", FieldType.TEXT, "contact", "email"),
			MergeField.of("target_id", FieldType.LONG, "target", "id"),
			MergeField.of("target_name", FieldType.TEXT, "target", "name"),
			MergeField.of("target_type", FieldType.TEXT, "target", "type"),
			MergeField.of("target_phone", FieldType.TEXT, "target", "phone"),
			MergeField.of("target_email", FieldType.TEXT, "target", "email"),
			MergeField.of("target_office_id", FieldType.LONG, "target", "office_id"),
			MergeField.of("started_at", FieldType.TIMESTAMP, "date_started"),
			MergeField.of("rang_at", FieldType.TIMESTAMP, "date_rang"),
			MergeField.of("first_rang_at", FieldType.TIMESTAMP, "date_first_rang"),
			MergeField.of("queued_at", FieldType.TIMESTAMP, "date_queued"),
			MergeField.of("connected_at", FieldType.TIMESTAMP, "date_connected"),
			MergeField.of("ended_at", FieldType.TIMESTAMP, "date_ended"),
			MergeField.of("duration_ms", FieldType.MILLIS, "duration"),
			MergeField.of("total_duration_ms", FieldType.MILLIS, "total_duration"),
			MergeField.of("talk_time_ms", FieldType.MILLIS, "talk_time"),
			MergeField.of("hold_time_ms", FieldType.MILLIS, "hold_time"),
			MergeField.of("transferred", FieldType.FLAG, "is_transferred"),
			MergeField.of("recorded", FieldType.FLAG, "was_recorded"),
			MergeField.of("is_internal", FieldType.BOOLEAN, "is_internal"),
			MergeField.of("recording_details", FieldType.JSON, "recording_details"),
			MergeField.of("voicemail_link", FieldType.TEXT, "voicemail_link"),
			MergeField.of("voicemail_recording_id", FieldType.LONG, "voicemail_recording_id"),
			MergeField.computed("voicemail_started_at", FieldType.TIMESTAMP, CallFields::voicemailEventTime)
				.earliestWins(),
			MergeField.of("transcription_text", FieldType.TEXT, "transcription_text"),
			MergeField.of("recap_summary", FieldType.TEXT, "recap_summary"),
			MergeField.of("recap_outcome", FieldType.TEXT, "recap_outcome"),
			MergeField.of("recap_action_items", FieldType.JSON, "recap_action_items"),
			MergeField.of("recap_purposes", FieldType.JSON, "recap_purposes"),
			MergeField.of("labels", FieldType.JSON, "labels"),
			MergeField.of("mos_score", FieldType.DOUBLE, "mos_score"),
			MergeField.of("csat_score", FieldType.DOUBLE, "csat_score"));

	private CallFields() {
	}

	/**
	 * When the caller started leaving a voicemail: the time of the first voicemail (or
	 * voicemail_uploaded) event.
	 */
	private static @Nullable JsonNode voicemailEventTime(JsonNode payload) {
		JsonNode state = payload.get("state");
		return (state != null && VOICEMAIL_STATES.contains(state.asString())) ? payload.get("event_timestamp") : null;
	}

}
