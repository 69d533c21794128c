package com.cti.processor.calls;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One column of the {@code calls} table that is merged from Dialpad call events, and
 * where in the payload it comes from.
 */
record CallField(String column, FieldType type, String... path) {

	/**
	 * Every merged column, in table order. Derived columns (answered, active, ...) are
	 * computed after the merge.
	 */
	static final List<CallField> ALL = List.of(new CallField("master_call_id", FieldType.LONG, "master_call_id"),
			new CallField("entry_point_call_id", FieldType.LONG, "entry_point_call_id"),
			new CallField("operator_call_id", FieldType.LONG, "operator_call_id"),
			new CallField("direction", FieldType.TEXT, "direction"), new CallField("state", FieldType.TEXT, "state"),
			new CallField("external_number", FieldType.TEXT, "external_number"),
			new CallField("internal_number", FieldType.TEXT, "internal_number"),
			new CallField("selected_caller_id", FieldType.TEXT, "selected_caller_id"),
			new CallField("group_id", FieldType.TEXT, "group_id"),
			new CallField("contact_id", FieldType.LONG, "contact", "id"),
			new CallField("contact_name", FieldType.TEXT, "contact", "name"),
			new CallField("contact_type", FieldType.TEXT, "contact", "type"),
			new CallField("contact_phone", FieldType.TEXT, "contact", "phone"),
			new CallField("contact_email", FieldType.TEXT, "contact", "email"),
			new CallField("target_id", FieldType.LONG, "target", "id"),
			new CallField("target_name", FieldType.TEXT, "target", "name"),
			new CallField("target_type", FieldType.TEXT, "target", "type"),
			new CallField("target_phone", FieldType.TEXT, "target", "phone"),
			new CallField("target_email", FieldType.TEXT, "target", "email"),
			new CallField("target_office_id", FieldType.LONG, "target", "office_id"),
			new CallField("started_at", FieldType.TIMESTAMP, "date_started"),
			new CallField("rang_at", FieldType.TIMESTAMP, "date_rang"),
			new CallField("first_rang_at", FieldType.TIMESTAMP, "date_first_rang"),
			new CallField("queued_at", FieldType.TIMESTAMP, "date_queued"),
			new CallField("connected_at", FieldType.TIMESTAMP, "date_connected"),
			new CallField("ended_at", FieldType.TIMESTAMP, "date_ended"),
			new CallField("duration_ms", FieldType.MILLIS, "duration"),
			new CallField("total_duration_ms", FieldType.MILLIS, "total_duration"),
			new CallField("talk_time_ms", FieldType.MILLIS, "talk_time"),
			new CallField("hold_time_ms", FieldType.MILLIS, "hold_time"),
			new CallField("transferred", FieldType.FLAG, "is_transferred"),
			new CallField("recorded", FieldType.FLAG, "was_recorded"),
			new CallField("is_internal", FieldType.BOOLEAN, "is_internal"),
			new CallField("recording_details", FieldType.JSON, "recording_details"),
			new CallField("voicemail_link", FieldType.TEXT, "voicemail_link"),
			new CallField("voicemail_recording_id", FieldType.LONG, "voicemail_recording_id"),
			new CallField("transcription_text", FieldType.TEXT, "transcription_text"),
			new CallField("recap_summary", FieldType.TEXT, "recap_summary"),
			new CallField("recap_outcome", FieldType.TEXT, "recap_outcome"),
			new CallField("recap_action_items", FieldType.JSON, "recap_action_items"),
			new CallField("recap_purposes", FieldType.JSON, "recap_purposes"),
			new CallField("labels", FieldType.JSON, "labels"),
			new CallField("mos_score", FieldType.DOUBLE, "mos_score"),
			new CallField("csat_score", FieldType.DOUBLE, "csat_score"));

	@Nullable Object read(JsonNode payload) {
		JsonNode node = payload;
		for (String name : this.path) {
			node = (node != null && node.isObject()) ? node.get(name) : null;
		}
		return this.type.read(node);
	}

}
