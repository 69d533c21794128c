package com.cti.admin.fakedialpad;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of the fake Dialpad: status, headers and a JSON (or empty) body.
 */
record FakeResponse(int status, Map<String, String> headers, @Nullable String body) {

	private static final JsonMapper json = JsonMapper.shared();

	static FakeResponse json(int status, JsonNode body) {
		return new FakeResponse(status, Map.of("Content-Type", "application/json"), json.writeValueAsString(body));
	}

	static FakeResponse ok(JsonNode body) {
		return json(200, body);
	}

	/** Dialpad's error shape (Google API style). */
	static FakeResponse error(int status, String message) {
		ObjectNode body = json.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", status);
		error.put("message", message);
		return json(status, body);
	}

	/** The OAuth token endpoint's error shape (RFC 6749). */
	static FakeResponse oauthError(int status, String error, String description) {
		ObjectNode body = json.createObjectNode();
		body.put("error", error);
		body.put("error_description", description);
		return json(status, body);
	}

	static FakeResponse redirect(String location) {
		return new FakeResponse(302, Map.of("Location", location), null);
	}

	FakeResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new FakeResponse(this.status, copy, this.body);
	}

}
