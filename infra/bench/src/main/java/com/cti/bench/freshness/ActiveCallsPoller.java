package com.cti.bench.freshness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cti.bench.load.HttpConnection;
import com.cti.bench.load.HttpRequests;
import com.cti.bench.load.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls {@code GET /api/calls/active} at a fixed interval (by default just under the
 * API's per-key rate limit) and notes when each call id first appears (the time its
 * response arrived). Honours 429 with {@code Retry-After}.
 */
final class ActiveCallsPoller implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();

	private final HttpConnection connection;

	private final byte[] request;

	private final Thread thread;

	private final long intervalNanos;

	private volatile boolean running = true;

	private volatile @Nullable String unavailable;

	private long polls;

	private long throttled;

	private long startedNanos;

	private long stoppedNanos;

	ActiveCallsPoller(int port, String apiKey, Duration interval) {
		this.intervalNanos = interval.toNanos();
		this.connection = new HttpConnection("127.0.0.1", port, Duration.ofSeconds(5));
		this.request = HttpRequests.get("127.0.0.1:" + port, "/api/calls/active", Map.of("x-app-api-key", apiKey));
		this.thread = new Thread(this::run, "active-calls-poller");
		this.thread.setDaemon(true);
	}

	/** Polls once; returns why the endpoint cannot be measured, or null when it can. */
	@Nullable String probe() {
		try {
			HttpResponse response = this.connection.exchange(this.request);
			if (response.status() != 200) {
				return "GET /api/calls/active answered " + response.status();
			}
			JSON.readTree(response.body());
			return null;
		}
		catch (Exception ex) {
			return "GET /api/calls/active failed: " + ex;
		}
	}

	void start() {
		this.startedNanos = System.nanoTime();
		this.thread.start();
	}

	private void run() {
		long next = System.nanoTime();
		while (this.running) {
			try {
				next += this.intervalNanos;
				HttpResponse response = this.connection.exchange(this.request);
				long now = System.nanoTime();
				this.polls++;
				if (response.status() == 200) {
					CallIds.collect(JSON.readTree(response.body()), (id) -> this.firstSeen.putIfAbsent(id, now));
				}
				else if (response.status() == 429) {
					this.throttled++;
					Thread.sleep(retryAfterMillis(response));
				}
				else {
					this.unavailable = "GET /api/calls/active answered " + response.status();
					Thread.sleep(100);
				}
				long wait = next - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				else {
					next = System.nanoTime();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				this.unavailable = "GET /api/calls/active failed: " + ex;
			}
		}
	}

	private static long retryAfterMillis(HttpResponse response) {
		try {
			String header = response.header("retry-after");
			return (header != null) ? Math.max(50, (long) (Double.parseDouble(header) * 1000)) : 100;
		}
		catch (NumberFormatException ex) {
			return 100;
		}
	}

	Map<Long, Long> firstSeen() {
		return this.firstSeen;
	}

	@Nullable String unavailable() {
		return this.unavailable;
	}

	long polls() {
		return this.polls;
	}

	long throttled() {
		return this.throttled;
	}

	/** The mean time between polls, in milliseconds. */
	double meanIntervalMillis() {
		long end = (this.stoppedNanos > 0) ? this.stoppedNanos : System.nanoTime();
		return (this.polls > 0) ? (end - this.startedNanos) / 1e6 / this.polls : Double.NaN;
	}

	@Override
	public void close() {
		this.running = false;
		this.stoppedNanos = System.nanoTime();
		this.thread.interrupt();
		try {
			this.thread.join(6000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.connection.close();
	}

}
