package com.cti.bench.freshness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code GET /api/stream} (Server-Sent Events) and notes when each call id is
 * first mentioned in an event's data.
 */
final class StreamWatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern NUMBERS = Pattern.compile("\\d{10,19}");

	private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI uri;

	private final String apiKey;

	private @Nullable Stream<String> lines;

	private @Nullable Thread reader;

	private long events;

	StreamWatcher(int port, String apiKey) {
		this.uri = URI.create("http://127.0.0.1:" + port + "/api/stream");
		this.apiKey = apiKey;
	}

	/** Connects; returns why the stream cannot be measured, or null when it can. */
	@Nullable String connect() {
		var request = HttpRequest.newBuilder(this.uri)
			.header("x-app-api-key", this.apiKey)
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> future = this.http.sendAsync(request, BodyHandlers.ofLines());
		HttpResponse<Stream<String>> response;
		try {
			response = future.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			future.cancel(true);
			return "GET /api/stream did not answer: " + ex;
		}
		if (response.statusCode() != 200) {
			response.body().close();
			return "GET /api/stream answered " + response.statusCode();
		}
		this.lines = response.body();
		Iterator<String> iterator = this.lines.iterator();
		this.reader = new Thread(() -> read(iterator), "stream-watcher");
		this.reader.setDaemon(true);
		this.reader.start();
		return null;
	}

	private void read(Iterator<String> iterator) {
		try {
			while (iterator.hasNext()) {
				String line = iterator.next();
				if (line.startsWith("data:")) {
					long now = System.nanoTime();
					this.events++;
					collect(line.substring(5).trim(), now);
				}
			}
		}
		catch (RuntimeException ex) {
			// closed
		}
	}

	private void collect(String data, long now) {
		try {
			CallIds.collect(JSON.readTree(data), (id) -> this.firstSeen.putIfAbsent(id, now));
		}
		catch (JacksonException ex) {
			Matcher numbers = NUMBERS.matcher(data);
			while (numbers.find()) {
				this.firstSeen.putIfAbsent(Long.parseLong(numbers.group()), now);
			}
		}
	}

	Map<Long, Long> firstSeen() {
		return this.firstSeen;
	}

	long events() {
		return this.events;
	}

	@Override
	public void close() {
		if (this.lines != null) {
			this.lines.close();
		}
		if (this.reader != null) {
			this.reader.interrupt();
		}
	}

}
