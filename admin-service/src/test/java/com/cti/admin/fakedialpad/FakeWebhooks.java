package com.cti.admin.fakedialpad;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialpad's webhooks (delivery endpoints): {@code POST|GET /api/v2/webhooks},
 * {@code GET|PATCH|DELETE /api/v2/webhooks/{id}}.
 */
final class FakeWebhooks {

	private static final JsonMapper json = JsonMapper.shared();

	private final Map<Long, FakeDialpad.Webhook> webhooks = new LinkedHashMap<>();

	private final LongSupplier ids;

	FakeWebhooks(LongSupplier ids) {
		this.ids = ids;
	}

	synchronized FakeResponse handle(FakeRequest request, @Nullable Long id, int pageSize) {
		if (id == null) {
			return switch (request.method()) {
				case "POST" -> create(request);
				case "GET" -> list(request, pageSize);
				default -> FakeResponse.error(405, "Method not allowed");
			};
		}
		FakeDialpad.Webhook webhook = this.webhooks.get(id);
		if (webhook == null) {
			return FakeResponse.error(404, "Webhook " + id + " not found");
		}
		return switch (request.method()) {
			case "GET" -> FakeResponse.ok(render(webhook, false));
			case "PATCH" -> update(webhook, request);
			case "DELETE" -> {
				this.webhooks.remove(id);
				yield FakeResponse.ok(render(webhook, false));
			}
			default -> FakeResponse.error(405, "Method not allowed");
		};
	}

	private FakeResponse create(FakeRequest request) {
		JsonNode body = request.jsonBody();
		if (body == null) {
			return FakeResponse.error(400, "The request body must be a JSON object");
		}
		String problem = checkFields(body, true);
		if (problem != null) {
			return FakeResponse.error(400, problem);
		}
		var webhook = new FakeDialpad.Webhook(this.ids.getAsLong(), body.get("hook_url").asString(),
				text(body, "secret"));
		this.webhooks.put(webhook.id(), webhook);
		return FakeResponse.ok(render(webhook, false));
	}

	private FakeResponse update(FakeDialpad.Webhook webhook, FakeRequest request) {
		JsonNode body = request.jsonBody();
		if (body == null) {
			return FakeResponse.error(400, "The request body must be a JSON object");
		}
		String problem = checkFields(body, false);
		if (problem != null) {
			return FakeResponse.error(400, problem);
		}
		String hookUrl = body.has("hook_url") ? body.get("hook_url").asString() : webhook.hookUrl();
		String secret = body.has("secret") ? text(body, "secret") : webhook.secret();
		var updated = new FakeDialpad.Webhook(webhook.id(), hookUrl, secret);
		this.webhooks.put(webhook.id(), updated);
		return FakeResponse.ok(render(updated, false));
	}

	private FakeResponse list(FakeRequest request, int pageSize) {
		FakeResponse page = FakePaging.page(new ArrayList<>(this.webhooks.values()), request.param("cursor"), pageSize,
				(webhook) -> render(webhook, true));
		return (page != null) ? page : FakeResponse.error(400, "Invalid cursor");
	}

	private static @Nullable String checkFields(JsonNode body, boolean create) {
		for (String field : body.propertyNames()) {
			if (!field.equals("hook_url") && !field.equals("secret")) {
				return "Unknown field '" + field + "'";
			}
		}
		JsonNode hookUrl = body.get("hook_url");
		if (hookUrl == null && !create) {
			return null;
		}
		if (hookUrl == null || !hookUrl.isString() || !isHttpUrl(hookUrl.asString())) {
			return "hook_url must be an absolute http(s) URL";
		}
		JsonNode secret = body.get("secret");
		if (secret != null && !secret.isNull() && (!secret.isString() || secret.asString().contains("\n"))) {
			return "secret must be a single-line string";
		}
		return null;
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = URI.create(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return (node == null || node.isNull() || node.asString().isEmpty()) ? null : node.asString();
	}

	/**
	 * The webhook as Dialpad shows it; list items carry their id as a string, single
	 * objects as a number (Dialpad's responses do both).
	 */
	static ObjectNode render(FakeDialpad.Webhook webhook, boolean idAsString) {
		ObjectNode node = json.createObjectNode();
		if (idAsString) {
			node.put("id", Long.toString(webhook.id()));
		}
		else {
			node.put("id", webhook.id());
		}
		node.put("hook_url", webhook.hookUrl());
		if (webhook.secret() != null) {
			ObjectNode signature = node.putObject("signature");
			signature.put("algo", "HS256");
			signature.put("secret", webhook.secret());
			signature.put("type", "jwt");
		}
		return node;
	}

	synchronized FakeDialpad.@Nullable Webhook get(long id) {
		return this.webhooks.get(id);
	}

	synchronized List<FakeDialpad.Webhook> all() {
		return List.copyOf(this.webhooks.values());
	}

	synchronized void put(FakeDialpad.Webhook webhook) {
		this.webhooks.put(webhook.id(), webhook);
	}

	synchronized void clear() {
		this.webhooks.clear();
	}

}
