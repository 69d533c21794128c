package com.cti.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client for the admin API of a test server, authenticated with the test
 * {@link #SECRET} unless told otherwise.
 */
public final class AdminApi {

	/** The {@code INTERNAL_API_SECRET} of the test contexts (at least 32 characters). */
	public static final String SECRET = "test-internal-api-secret-0123456789abcdef";

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final Map<String, String> headers;

	public AdminApi(int port) {
		this(port, Map.of());
	}

	private AdminApi(int port, Map<String, String> headers) {
		this.port = port;
		this.headers = headers;
	}

	/** The same client, sending one more header with every request. */
	public AdminApi withHeader(String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(this.headers);
		all.put(name, value);
		return new AdminApi(this.port, Map.copyOf(all));
	}

	/** Creates an app through the API and returns its id and first key. */
	public CreatedApp createApp(String name) {
		Response response = post("/internal/apps", json.writeValueAsString(Map.of("name", name)));
		if (response.status() != 200) {
			throw new IllegalStateException(
					"POST /internal/apps answered " + response.status() + ": " + response.text());
		}
		return new CreatedApp(UUID.fromString(response.field("app_id")), response.field("api_key"));
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, @Nullable String body) {
		return send("POST", path, body);
	}

	public Response patch(String path, String body) {
		return send("PATCH", path, body);
	}

	public Response put(String path, String body) {
		return send("PUT", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response send(String method, String path, @Nullable String body) {
		return send(method, path, body, "application/json", "Bearer " + SECRET);
	}

	/**
	 * Sends a request with the given content type and Authorization header (either may be
	 * null).
	 */
	public Response send(String method, String path, @Nullable String body, @Nullable String contentType,
			@Nullable String authorization) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null && contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.body(), parse(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/** An app created for a test. */
	public record CreatedApp(UUID appId, String apiKey) {
	}

	/**
	 * What the server answered: status, content type, {@code Retry-After}, the raw body
	 * and the body as JSON (a missing node when it is none).
	 */
	public record Response(int status, String contentType, @Nullable String retryAfter, String text, JsonNode json) {

		/** The text of a field of the JSON body, or null. */
		public @Nullable String field(String name) {
			JsonNode node = this.json.path(name);
			return (node.isMissingNode() || node.isNull()) ? null : node.asString();
		}

		/** Whether this is an RFC 9457 problem with that status. */
		public boolean isProblem(int expectedStatus) {
			return this.status == expectedStatus && this.contentType.startsWith("application/problem+json")
					&& this.json.path("status").asInt() == expectedStatus;
		}

	}

}
