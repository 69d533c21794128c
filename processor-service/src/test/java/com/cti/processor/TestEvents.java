package com.cti.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Envelopes as the ingest service publishes them: kind told by the payload's shape, the
 * Kafka key (call id or message id), and the content hash of the event's identity.
 */
public final class TestEvents {

	private TestEvents() {
	}

	/** A fresh envelope (new event id, as a redelivery through ingest would get). */
	public static DialpadEventReceived envelope(@Nullable String appId, JsonNode event) {
		String payload = Fixtures.json.writeValueAsString(event);
		EventKind kind = kindOf(event);
		return new DialpadEventReceived(UUID.randomUUID(), appId, kind, Instant.now(), payload,
				contentHash(kind, event, payload), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
	}

	/** The key ingest gives the record: the call id or message id, else none. */
	public static @Nullable String key(DialpadEventReceived envelope) {
		JsonNode event = Fixtures.json.readTree(envelope.payload());
		return switch (envelope.kind()) {
			case CALL -> text(event, "call_id");
			case SMS -> text(event, "id");
			default -> null;
		};
	}

	static EventKind kindOf(JsonNode node) {
		if (node.has("call_id") && node.has("state")) {
			return EventKind.CALL;
		}
		if (node.has("id") && node.has("from_number") && node.has("to_number")) {
			return EventKind.SMS;
		}
		if (node.has("event") && node.has("contact")) {
			return EventKind.CONTACT;
		}
		if (node.has("availability_status") || node.has("on_duty_status")) {
			return EventKind.AGENT_STATUS;
		}
		if (node.has("action") && node.has("changed_by")) {
			return EventKind.CHANGELOG;
		}
		return EventKind.UNKNOWN;
	}

	private static String contentHash(EventKind kind, JsonNode event, String payload) {
		String identity = switch (kind) {
			case CALL ->
				"call:" + text(event, "call_id") + ":" + text(event, "state") + ":" + text(event, "event_timestamp");
			case SMS ->
				"sms:" + text(event, "id") + ":" + text(event, "message_status") + ":" + text(event, "event_timestamp");
			default -> payload;
		};
		return sha256(identity);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isNumber() ? value.numberValue().toString() : value.asString();
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
