package com.cti.platform.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends generated requests to a running service over real HTTP. A stream
 * ({@code text/event-stream}) is read only up to its first bytes, then closed.
 */
public final class FuzzClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public FuzzClient(int port) {
		this.port = port;
	}

	public FuzzResponse send(FuzzRequest request) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + request.pathAndQuery()))
			.timeout(Duration.ofSeconds(20))
			.method(request.method(), (request.body() != null) ? HttpRequest.BodyPublishers.ofString(request.body())
					: HttpRequest.BodyPublishers.noBody());
		request.headers().forEach(builder::header);
		if (request.contentType() != null && !request.contentType().isEmpty()) {
			builder.header("Content-Type", request.contentType());
		}
		try {
			HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			try (InputStream body = response.body()) {
				if (contentType.startsWith("text/event-stream")) {
					byte[] first = new byte[512];
					int read = body.read(first);
					return new FuzzResponse(response.statusCode(), contentType,
							new String(first, 0, Math.max(read, 0), StandardCharsets.UTF_8));
				}
				return new FuzzResponse(response.statusCode(), contentType,
						new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the service answered.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header, or empty
	 * @param body the body (of a stream, its first bytes)
	 */
	public record FuzzResponse(int status, String contentType, String body) {

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " "
					+ ((this.body.length() > 500) ? this.body.substring(0, 500) + "..." : this.body);
		}

	}

}
