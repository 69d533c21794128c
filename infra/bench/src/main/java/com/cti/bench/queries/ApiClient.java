package com.cti.bench.queries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Plain GETs against the query API for the set-up of the measurements (not for the load),
 * waiting out a 429 as its {@code Retry-After} says.
 */
final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	HttpResponse<String> get(String pathAndQuery, String apiKey) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery))
			.header("x-app-api-key", apiKey)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			if (response.statusCode() != 429 || attempt == 50) {
				return response;
			}
			double seconds = response.headers().firstValue("retry-after").map(Double::parseDouble).orElse(0.2);
			Thread.sleep(Math.max(50, (long) (seconds * 1000)));
		}
	}

}
