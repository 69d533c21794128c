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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client over real HTTP: parses the stream into events and comments
 * on a thread of its own.
 */
final class SseClient implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final Thread reader;

	SseClient(URI uri, String apiKey, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("x-app-api-key", apiKey)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			this.response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		this.reader = new Thread(this::read, "sse-client");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	int status() {
		return this.response.statusCode();
	}

	@Nullable String contentType() {
		return this.response.headers().firstValue("content-type").orElse(null);
	}

	private void read() {
		List<String> fields = new ArrayList<>();
		try {
			this.response.body().forEach((line) -> {
				if (line.isEmpty()) {
					if (fields.stream().anyMatch((field) -> !field.startsWith("retry:"))) {
						this.events.add(Event.parse(fields));
						fields.clear();
					}
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
				}
				else {
					fields.add(line);
				}
			});
		}
		catch (RuntimeException ex) {
			// closed
		}
	}

	/** Waits for the comment the server sends once the stream is open. */
	SseClient awaitConnected() {
		assertComment("connected", Duration.ofSeconds(20));
		return this;
	}

	void assertComment(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String comment = poll(this.comments, deadline);
			if (text.equals(comment)) {
				return;
			}
		}
		throw new AssertionError("No ': " + text + "' comment within " + timeout);
	}

	/** The next event, or null when none comes within the timeout. */
	@Nullable Event next(Duration timeout) {
		return poll(this.events, System.nanoTime() + timeout.toNanos());
	}

	Event nextEvent() {
		Event event = next(Duration.ofSeconds(20));
		if (event == null) {
			throw new AssertionError("No event within 20 s");
		}
		return event;
	}

	/** Runs the action, then waits for the next event. */
	Event nextEventAfter(Runnable action) {
		action.run();
		return nextEvent();
	}

	private static <T> @Nullable T poll(BlockingQueue<T> queue, long deadline) {
		try {
			return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		this.response.body().close();
	}

	/** One event: its id, type and JSON data. */
	record Event(@Nullable String id, String name, JsonNode data) {

		static Event parse(List<String> fields) {
			String id = null;
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String field : fields) {
				int colon = field.indexOf(':');
				String key = (colon < 0) ? field : field.substring(0, colon);
				String value = (colon < 0) ? "" : field.substring(colon + 1).stripLeading();
				switch (key) {
					case "id" -> id = value;
					case "event" -> name = value;
					case "data" -> data.append((data.length() > 0) ? "\n" : "").append(value);
					default -> {
					}
				}
			}
			return new Event(id, name, json.readTree((data.length() > 0) ? data.toString() : "null"));
		}

		long idAsLong() {
			return Long.parseLong(this.id);
		}

	}

}
