package com.cti.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running service, the way a client app calls it.
 */
final class ApiClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	ApiClient(int port) {
		this.port = port;
	}

	Response get(String pathAndQuery, @Nullable String apiKey) {
		return get(pathAndQuery, apiKey, Map.of());
	}

	Response get(String pathAndQuery, @Nullable String apiKey, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
		if (apiKey != null) {
			request.header("x-app-api-key", apiKey);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends the same request {@code count} times at once. */
	List<Response> getConcurrently(String pathAndQuery, String apiKey, int count) {
		HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("x-app-api-key", apiKey)
			.build();
		List<CompletableFuture<Response>> responses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.thenApply((response) -> new Response(response.statusCode(), response)));
		}
		return responses.stream().map(CompletableFuture::join).toList();
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	/** A response with its body parsed as JSON when it is JSON. */
	record Response(int status, HttpResponse<String> raw) {

		JsonNode json() {
			return json.readTree(this.raw.body());
		}

		String body() {
			return this.raw.body();
		}

		@Nullable String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		String contentType() {
			return this.raw.headers().firstValue("content-type").orElse("");
		}

	}

}
