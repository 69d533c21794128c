package com.cti.admin.fakedialpad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialpad's call and SMS event subscriptions:
 * {@code POST|GET /api/v2/subscriptions/<type>} and {@code GET|PATCH|DELETE
 * /api/v2/subscriptions/<type>/{id}}, validated as the API spec describes them (the
 * webhook named by {@code endpoint_id}, or the older {@code webhook_id}).
 */
final class FakeSubscriptions {

	/** The 32 values of the spec's {@code call_states} enum. */
	static final Set<String> CALL_STATES = Set.of("admin", "admin_recording", "ai_playbook", "all", "barge", "blocked",
			"call_transcription", "calling", "connected", "csat", "dispositions", "eavesdrop", "hangup", "hold",
			"merged", "missed", "monitor", "parked", "pcsat", "postcall", "preanswer", "queued", "recap_action_items",
			"recap_outcome", "recap_purposes", "recap_summary", "recording", "ringing", "takeover", "transcription",
			"voicemail", "voicemail_uploaded");

	static final Set<String> TARGET_TYPES = Set.of("callcenter", "callrouter", "channel", "coachinggroup",
			"coachingteam", "department", "office", "room", "staffgroup", "user");

	private static final Set<String> DIRECTIONS = Set.of("all", "inbound", "outbound");

	private static final Map<String, Set<String>> FIELDS = Map.of("call",
			Set.of("call_states", "enabled", "endpoint_id", "webhook_id", "group_calls_only", "target_type",
					"target_id"),
			"sms", Set.of("direction", "enabled", "endpoint_id", "webhook_id", "include_internal", "status",
					"target_type", "target_id"));

	private final Map<Long, FakeDialpad.Subscription> subscriptions = new LinkedHashMap<>();

	private final FakeWebhooks webhooks;

	private final LongSupplier ids;

	FakeSubscriptions(FakeWebhooks webhooks, LongSupplier ids) {
		this.webhooks = webhooks;
		this.ids = ids;
	}

	synchronized FakeResponse handle(FakeRequest request, String type, @Nullable Long id, int pageSize) {
		if (!FIELDS.containsKey(type)) {
			return FakeResponse.error(404, "Unknown subscription type " + type);
		}
		if (id == null) {
			return switch (request.method()) {
				case "POST" -> create(request, type);
				case "GET" -> list(request, type, pageSize);
				default -> FakeResponse.error(405, "Method not allowed");
			};
		}
		FakeDialpad.Subscription subscription = this.subscriptions.get(id);
		if (subscription == null || !subscription.type().equals(type)) {
			return FakeResponse.error(404, "Subscription " + id + " not found");
		}
		return switch (request.method()) {
			case "GET" -> FakeResponse.ok(render(subscription, false));
			case "PATCH" -> update(subscription, request);
			case "DELETE" -> {
				this.subscriptions.remove(id);
				yield FakeResponse.ok(render(subscription, false));
			}
			default -> FakeResponse.error(405, "Method not allowed");
		};
	}

	private FakeResponse create(FakeRequest request, String type) {
		JsonNode body = request.jsonBody();
		if (body == null) {
			return FakeResponse.error(400, "The request body must be a JSON object");
		}
		ObjectNode fields = ((ObjectNode) body).deepCopy();
		if (!fields.has("enabled")) {
			fields.put("enabled", true);
		}
		if (type.equals("call") && !fields.has("group_calls_only")) {
			fields.put("group_calls_only", false);
		}
		String problem = validate(type, fields, true);
		if (problem == null) {
			problem = checkLimits(type, fields);
		}
		if (problem != null) {
			return FakeResponse.error(400, problem);
		}
		var subscription = new FakeDialpad.Subscription(this.ids.getAsLong(), type, endpointId(fields),
				withoutEndpoint(fields));
		this.subscriptions.put(subscription.id(), subscription);
		return FakeResponse.ok(render(subscription, false));
	}

	private FakeResponse update(FakeDialpad.Subscription subscription, FakeRequest request) {
		JsonNode body = request.jsonBody();
		if (body == null) {
			return FakeResponse.error(400, "The request body must be a JSON object");
		}
		ObjectNode merged = subscription.fields().deepCopy();
		merged.setAll((ObjectNode) body);
		if (!body.has("endpoint_id") && !body.has("webhook_id")) {
			merged.put("endpoint_id", subscription.endpointId());
		}
		String problem = validate(subscription.type(), merged, false);
		if (problem != null) {
			return FakeResponse.error(400, problem);
		}
		var updated = new FakeDialpad.Subscription(subscription.id(), subscription.type(), endpointId(merged),
				withoutEndpoint(merged));
		this.subscriptions.put(updated.id(), updated);
		return FakeResponse.ok(render(updated, false));
	}

	private FakeResponse list(FakeRequest request, String type, int pageSize) {
		List<FakeDialpad.Subscription> ofType = new ArrayList<>(
				this.subscriptions.values().stream().filter((s) -> s.type().equals(type)).toList());
		FakeResponse page = FakePaging.page(ofType, request.param("cursor"), pageSize,
				(subscription) -> render(subscription, true));
		return (page != null) ? page : FakeResponse.error(400, "Invalid cursor");
	}

	private @Nullable String validate(String type, ObjectNode fields, boolean create) {
		for (String field : fields.propertyNames()) {
			if (!FIELDS.get(type).contains(field)) {
				return "Unknown field '" + field + "'";
			}
		}
		JsonNode endpoint = fields.has("endpoint_id") ? fields.get("endpoint_id") : fields.get("webhook_id");
		if (endpoint == null || !isId(endpoint)) {
			return "endpoint_id is required";
		}
		if (this.webhooks.get(endpointId(fields)) == null) {
			return "No webhook or websocket with id " + endpoint.asString();
		}
		String problem = checkTarget(fields);
		if (problem != null) {
			return problem;
		}
		for (String flag : List.of("enabled", "group_calls_only", "include_internal", "status")) {
			if (fields.has(flag) && !fields.get(flag).isBoolean()) {
				return flag + " must be a boolean";
			}
		}
		return type.equals("call") ? checkCallStates(fields) : checkDirection(fields, create);
	}

	private static @Nullable String checkTarget(ObjectNode fields) {
		JsonNode targetType = fields.get("target_type");
		JsonNode targetId = fields.get("target_id");
		boolean hasType = targetType != null && !targetType.isNull();
		boolean hasId = targetId != null && !targetId.isNull();
		if (hasType != hasId) {
			return "target_type and target_id go together";
		}
		if (hasType && (!targetType.isString() || !TARGET_TYPES.contains(targetType.asString()))) {
			return "Invalid target_type";
		}
		if (hasId && !isId(targetId)) {
			return "Invalid target_id";
		}
		return null;
	}

	private static @Nullable String checkCallStates(ObjectNode fields) {
		JsonNode states = fields.get("call_states");
		if (states == null) {
			return null;
		}
		if (!states.isArray() || states.isEmpty()) {
			return "call_states must be a non-empty array";
		}
		for (JsonNode state : states) {
			if (!state.isString() || !CALL_STATES.contains(state.asString())) {
				return "Invalid call state '" + state + "'";
			}
		}
		return null;
	}

	private static @Nullable String checkDirection(ObjectNode fields, boolean create) {
		JsonNode direction = fields.get("direction");
		if (direction == null) {
			return create ? "direction is required" : null;
		}
		return (direction.isString() && DIRECTIONS.contains(direction.asString())) ? null
				: "direction must be one of all, inbound, outbound";
	}

	private @Nullable String checkLimits(String type, ObjectNode fields) {
		List<FakeDialpad.Subscription> ofType = this.subscriptions.values()
			.stream()
			.filter((s) -> s.type().equals(type))
			.toList();
		if (ofType.size() >= 100) {
			return "Limit of 100 " + type + " subscriptions reached";
		}
		boolean companyWide = !fields.has("target_type") || fields.get("target_type").isNull();
		if (companyWide && ofType.stream().filter((s) -> !s.fields().has("target_type")).count() >= 10) {
			return "Limit of 10 company-wide " + type + " subscriptions reached";
		}
		return null;
	}

	private static boolean isId(JsonNode node) {
		if (node.isIntegralNumber()) {
			return true;
		}
		return node.isString() && node.asString().matches("[0-9]{1,19}");
	}

	private static long endpointId(ObjectNode fields) {
		JsonNode endpoint = fields.has("endpoint_id") ? fields.get("endpoint_id") : fields.get("webhook_id");
		return endpoint.isNumber() ? endpoint.longValue() : Long.parseLong(endpoint.asString());
	}

	private static ObjectNode withoutEndpoint(ObjectNode fields) {
		ObjectNode copy = fields.deepCopy();
		copy.remove("endpoint_id");
		copy.remove("webhook_id");
		return copy;
	}

	/** The subscription as Dialpad shows it: its settings, its id and its webhook. */
	private ObjectNode render(FakeDialpad.Subscription subscription, boolean idAsString) {
		ObjectNode node = subscription.fields().deepCopy();
		if (idAsString) {
			node.put("id", Long.toString(subscription.id()));
		}
		else {
			node.put("id", subscription.id());
		}
		FakeDialpad.Webhook webhook = this.webhooks.get(subscription.endpointId());
		if (webhook != null) {
			node.set("webhook", FakeWebhooks.render(webhook, idAsString));
		}
		return node;
	}

	synchronized List<FakeDialpad.Subscription> all(String type) {
		return this.subscriptions.values().stream().filter((s) -> s.type().equals(type)).toList();
	}

	synchronized FakeDialpad.Subscription add(String type, long endpointId, ObjectNode fields) {
		var subscription = new FakeDialpad.Subscription(this.ids.getAsLong(), type, endpointId, fields.deepCopy());
		this.subscriptions.put(subscription.id(), subscription);
		return subscription;
	}

	synchronized void change(long id, ObjectNode changes) {
		FakeDialpad.Subscription subscription = this.subscriptions.get(id);
		ObjectNode fields = subscription.fields().deepCopy();
		fields.setAll(changes);
		this.subscriptions.put(id,
				new FakeDialpad.Subscription(id, subscription.type(), subscription.endpointId(), fields));
	}

	synchronized void remove(long id) {
		this.subscriptions.remove(id);
	}

	synchronized void clear() {
		this.subscriptions.clear();
	}

}
