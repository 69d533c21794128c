package com.cti.query.apikeys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code api_key_usage.last_used_at} (this service's table) without a write per
 * request: uses are noted in memory and written in one statement per flush interval, so
 * each key costs at most one write per interval; the last uses are written at shutdown.
 */
@Component
class ApiKeyUsageRecorder implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeyUsageRecorder.class);

	private final JdbcClient jdbc;

	private final ApiKeyProperties properties;

	private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "cti-query-key-usage");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	ApiKeyUsageRecorder(JdbcClient jdbc, ApiKeyProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void used(UUID keyId) {
		this.pending.put(keyId, Instant.now());
	}

	/** Writes the uses noted since the last flush. */
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		UUID[] keys = this.pending.keySet().toArray(UUID[]::new);
		Instant[] times = new Instant[keys.length];
		for (int i = 0; i < keys.length; i++) {
			times[i] = this.pending.remove(keys[i]);
		}
		try {
			this.jdbc.sql("""
					insert into api_key_usage (key_id, last_used_at)
					select cast(key_id as uuid), to_timestamp(millis / 1000.0)
					from unnest(cast(:keys as text[]), cast(:millis as bigint[])) as used (key_id, millis)
					on conflict (key_id) do update
					    set last_used_at = greatest(api_key_usage.last_used_at, excluded.last_used_at)
					""")
				.param("keys", Arrays.stream(keys).map(UUID::toString).toArray(String[]::new))
				.param("millis", Arrays.stream(times).map(Instant::toEpochMilli).toArray(Long[]::new))
				.update();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the last use of {} API key(s); will retry: {}", keys.length, ex.toString());
			for (int i = 0; i < keys.length; i++) {
				this.pending.merge(keys[i], times[i], (a, b) -> a.isAfter(b) ? a : b);
			}
		}
	}

	@Override
	public void start() {
		long interval = this.properties.usageFlushInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.shutdownNow();
		try {
			// the last uses, unless the database is gone too
			CompletableFuture.runAsync(this::flush).get(2, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not record the last use of API keys at shutdown: {}", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
