package com.cti.query.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams by app: opens them at the right position (resume or now), wakes those
 * of the apps that changed, sends heartbeats, and closes them all at shutdown (before the
 * web server drains its requests).
 */
@Component
class StreamRegistry implements SmartLifecycle {

	private static final long RECONNECT_MILLIS = 2000;

	private final ChangeFeed feed;

	private final ChangeRenderer renderer;

	private final StreamProperties properties;

	private final Clock clock;

	private final Map<UUID, Set<StreamSubscription>> streams = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor executor;

	private volatile boolean running;

	StreamRegistry(ChangeFeed feed, ChangeRenderer renderer, StreamProperties properties, Clock clock,
			MeterRegistry meters) {
		Gauge.builder("cti.query.stream.connections", this, StreamRegistry::openStreams)
			.description("Open Server-Sent Events streams (GET /api/stream)")
			.register(meters);
		this.feed = feed;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ScheduledThreadPoolExecutor(4, (task) -> {
			Thread thread = new Thread(task, "cti-query-stream-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Opens a stream for the app: after {@code lastEventId} when it is given and within
	 * the retention window, else from now (with a {@code reset} event when a resume was
	 * asked for but cannot be honoured).
	 * @throws TooManyStreamsException when the app has its maximum of streams open
	 */
	SseEmitter open(UUID appId, @Nullable Long lastEventId) throws IOException {
		Set<StreamSubscription> open = this.streams.computeIfAbsent(appId, (app) -> ConcurrentHashMap.newKeySet());
		if (isFull(open)) {
			throw new TooManyStreamsException(this.properties.maxStreamsPerApp());
		}
		long now = this.feed.position();
		if (now < 0) {
			now = this.feed.newest();
		}
		String reset = (lastEventId != null) ? resetReason(appId, lastEventId, now) : null;
		long start = (lastEventId == null || reset != null) ? now : lastEventId;
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("connected"));
		if (reset != null) {
			emitter.send(SseEmitter.event().id(Long.toString(start)).name("reset").data(new ResetNotice(reset)));
		}
		var subscription = new StreamSubscription(appId, start, emitter, this.feed, this.renderer, this.executor);
		emitter.onCompletion(() -> remove(subscription));
		emitter.onTimeout(subscription::close);
		emitter.onError((ex) -> subscription.close());
		// checked again and taken at once: clients that passed the first check together
		// (a reconnect storm) must not all get a slot
		synchronized (open) {
			if (isFull(open)) {
				subscription.close();
				throw new TooManyStreamsException(this.properties.maxStreamsPerApp());
			}
			open.add(subscription);
		}
		subscription.signal();
		return emitter;
	}

	private boolean isFull(Set<StreamSubscription> open) {
		open.removeIf(StreamSubscription::isClosed);
		return open.size() >= this.properties.maxStreamsPerApp();
	}

	private @Nullable String resetReason(UUID appId, long lastEventId, long now) {
		if (lastEventId > Math.max(now, this.feed.newest())) {
			return "Last-Event-ID " + lastEventId + " is not an event of this stream";
		}
		if (lastEventId + 1 < this.feed.oldestStored()) {
			return "changes after Last-Event-ID " + lastEventId + " are no longer kept";
		}
		Instant horizon = this.clock.instant().minus(this.properties.retention());
		Instant next = this.feed.firstChangeAfter(appId, lastEventId).orElse(null);
		if (next != null && next.isBefore(horizon)) {
			return "Last-Event-ID " + lastEventId + " is older than the retention window of "
					+ this.properties.retention();
		}
		return null;
	}

	private void remove(StreamSubscription subscription) {
		subscription.close();
		Set<StreamSubscription> open = this.streams.get(subscription.appId());
		if (open != null) {
			open.remove(subscription);
		}
	}

	/** Wakes the streams of the given apps, or of every app when null. */
	void signal(@Nullable Set<UUID> apps) {
		if (apps == null) {
			this.streams.values().forEach((open) -> open.forEach(StreamSubscription::signal));
			return;
		}
		for (UUID app : apps) {
			Set<StreamSubscription> open = this.streams.get(app);
			if (open != null) {
				open.forEach(StreamSubscription::signal);
			}
		}
	}

	int openStreams() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	@Override
	public void start() {
		long interval = this.properties.heartbeatInterval().toMillis();
		this.executor.scheduleAtFixedRate(
				() -> this.streams.values().forEach((open) -> open.forEach(StreamSubscription::heartbeat)), interval,
				interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.streams.values().forEach((open) -> open.forEach(StreamSubscription::close));
		this.streams.clear();
		this.executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts before the listener that wakes it, and stops after it but before the web
	 * server waits for open requests (an open stream would hold that wait up).
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	/** The data of a {@code reset} event. */
	record ResetNotice(String reason) {
	}

}
