package com.cti.processor.messages;

import java.util.List;
import java.util.Locale;

import com.cti.processor.merge.FieldType;
import com.cti.processor.merge.MergeField;

/**
 * The columns of {@code messages} merged from Dialpad SMS events, and where in the
 * payload each comes from.
 */
final class MessageFields {

	static final List<MergeField> ALL = List.of(MergeField.of("direction", FieldType.TEXT, "direction"),
			MergeField.of("from_number", FieldType.TEXT, "from_number"),
			MergeField.of("to_numbers", FieldType.TEXT_LIST, "to_number"),
			MergeField.of("text", FieldType.TEXT, "text").or("text_content"),
			MergeField.of("mms", FieldType.BOOLEAN, "mms"), MergeField.of("mms_url", FieldType.TEXT, "mms_url"),
			MergeField.of("is_internal", FieldType.BOOLEAN, "is_internal"),
			MergeField.of("sender_id", FieldType.LONG, "sender_id"),
			MergeField.of("target_id", FieldType.LONG, "target", "id"),
			MergeField.of("target_type", FieldType.TEXT, "target", "type"),
			MergeField.of("target_name", FieldType.TEXT, "target", "name"),
			MergeField.of("target_phone", FieldType.TEXT, "target", "phone_number").or("target", "phone"),
			MergeField.of("contact_id", FieldType.LONG, "contact", "id"),
			MergeField.of("contact_name", FieldType.TEXT, "contact", "name"),
			MergeField.of("contact_phone", FieldType.TEXT, "contact", "phone_number").or("contact", "phone"),
			MergeField.of("status", FieldType.TEXT, "message_status").rankedBy(MessageFields::statusRank),
			MergeField.of("delivery_result", FieldType.TEXT, "message_delivery_result"),
			MergeField.of("created_at", FieldType.TIMESTAMP, "created_date"));

	private MessageFields() {
	}

	/**
	 * How far along delivery a status is: a status never gives way to one of a lower
	 * rank, so a late {@code pending} after {@code delivered} is ignored. Dialpad's
	 * vocabulary is not confirmed: an unknown status ranks just above the initial ones,
	 * so it is kept (as text) but never hides {@code sent} or a final status.
	 */
	static int statusRank(Object status) {
		return switch (status.toString().trim().toLowerCase(Locale.ROOT)) {
			case "pending", "queued", "accepted", "scheduled", "created" -> 0;
			case "sending" -> 2;
			case "sent" -> 3;
			case "delivered", "failed", "undelivered", "rejected", "received", "read", "canceled", "cancelled",
					"expired", "error" ->
				4;
			default -> 1;
		};
	}

}
