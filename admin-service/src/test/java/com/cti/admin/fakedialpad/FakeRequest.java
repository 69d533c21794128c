package com.cti.admin.fakedialpad;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fake needs of an incoming request: method, path, query, headers and body.
 */
record FakeRequest(String method, String path, Map<String, String> query, @Nullable String authorization,
		@Nullable String contentType, String body) {

	private static final JsonMapper json = JsonMapper.shared();

	static FakeRequest of(Request request) {
		URI uri = URI.create(request.getUrl());
		return new FakeRequest(request.getMethod().getName(), uri.getRawPath(), decodeForm(uri.getRawQuery()),
				request.getHeader("Authorization"), request.getHeader("Content-Type"), request.getBodyAsString());
	}

	@Nullable String param(String name) {
		return this.query.get(name);
	}

	/** The body as a JSON object, or null when it is not one. */
	@Nullable JsonNode jsonBody() {
		try {
			JsonNode node = json.readTree(this.body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The body's fields, form-encoded or JSON, whichever the client sent. */
	Map<String, String> fields() {
		if (this.contentType != null && this.contentType.startsWith("application/json")) {
			Map<String, String> fields = new LinkedHashMap<>();
			JsonNode node = jsonBody();
			if (node != null) {
				node.properties().forEach((entry) -> fields.put(entry.getKey(), entry.getValue().asString()));
			}
			return fields;
		}
		return decodeForm(this.body);
	}

	static Map<String, String> decodeForm(@Nullable String encoded) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return fields;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return fields;
	}

}
