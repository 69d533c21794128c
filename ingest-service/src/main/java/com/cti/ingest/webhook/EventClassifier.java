package com.cti.ingest.webhook;

import com.cti.model.EventKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tells Dialpad events apart by their shape (they carry no type field), picks the Kafka
 * key that keeps one call's or message's events in order, and computes a content hash
 * that is the same for every redelivery of one event. Webhooks and the calls the admin
 * service backfills through the internal intake are classified here alike, so the key
 * rule and the hash have this one owner.
 */
@Component
public class EventClassifier {

	/**
	 * The state of a call that Dialpad's call list returns without one: the list holds
	 * concluded calls only, so it is the state that ends a leg.
	 */
	static final String CONCLUDED_STATE = "hangup";

	private final JsonMapper jsonMapper = PayloadJson.builder().build();

	ClassifiedEvent classify(String payload) {
		JsonNode node = parseObject(payload);
		EventKind kind = kindOf(node);
		String key = switch (kind) {
			case CALL -> text(node, "call_id");
			case SMS -> text(node, "id");
			default -> null;
		};
		String contentHash = switch (kind) {
			case CALL -> ContentHash.ofCall(key, text(node, "state"), text(node, "event_timestamp"));
			case SMS -> ContentHash.ofSms(key, text(node, "message_status"), text(node, "event_timestamp"));
			default -> ContentHash.of(payload);
		};
		return new ClassifiedEvent(kind, key, contentHash);
	}

	/**
	 * Classifies a call as Dialpad's call list ({@code GET /api/v2/call}) returns it: a
	 * call event keyed by its {@code call_id}, hashed as a webhook of the same call would
	 * be, a call without {@code state} as a concluded one ({@value #CONCLUDED_STATE}).
	 * @param call the call object
	 * @return the classification; its key is null when the call has no {@code call_id}
	 */
	public ClassifiedEvent classifyConcludedCall(JsonNode call) {
		String key = text(call, "call_id");
		String state = text(call, "state");
		return new ClassifiedEvent(EventKind.CALL, key,
				ContentHash.ofCall(key, (state != null) ? state : CONCLUDED_STATE, text(call, "event_timestamp")));
	}

	private JsonNode parseObject(String payload) {
		try {
			JsonNode node = this.jsonMapper.readTree(payload);
			if (node != null && node.isObject()) {
				return node;
			}
		}
		catch (StreamConstraintsException ex) {
			throw PayloadJson.tooComplex();
		}
		catch (JacksonException ex) {
			// reported below
		}
		throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "payload-not-json-object",
				"The event payload is not a JSON object");
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

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isNumber() ? value.numberValue().toString() : value.asString();
	}

	/**
	 * What the classifier found: the kind, the Kafka key (null when the kind has no
	 * natural key) and the hash.
	 */
	public record ClassifiedEvent(EventKind kind, @Nullable String key, String contentHash) {
	}

}
