package com.cti.ingest.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The delivery meters: publish latency by outcome, events spooled and forwarded, the
 * spool's depth, size and the age of its oldest event, and events that could be made
 * durable nowhere.
 */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	private final EventSpool spool;

	private final Clock clock;

	/**
	 * When the oldest spooled event was received: the first of the spool as the forwarder
	 * last read it, or the first appended since the spool was last seen empty.
	 */
	private volatile @Nullable Instant oldestSpooled;

	DeliveryMetrics(MeterRegistry registry, EventSpool spool, Clock clock) {
		this.registry = registry;
		this.spool = spool;
		this.clock = clock;
		registry.gauge("cti.ingest.spool.depth", spool, EventSpool::depth);
		registry.gauge("cti.ingest.spool.size", spool, EventSpool::size);
		TimeGauge.builder("cti.ingest.spool.oldest.age", this, TimeUnit.MILLISECONDS, DeliveryMetrics::oldestAgeMillis)
			.description("How long the oldest event waiting in the spool has waited; 0 when the spool is empty")
			.register(registry);
	}

	void oldestSpooled(Instant receivedAt) {
		this.oldestSpooled = receivedAt;
	}

	private double oldestAgeMillis() {
		Instant oldest = this.oldestSpooled;
		if (oldest == null) {
			return 0;
		}
		if (this.spool.isEmpty()) {
			this.oldestSpooled = null;
			return 0;
		}
		return Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis());
	}

	void published(long nanos, String outcome) {
		Timer.builder("cti.ingest.publish.latency")
			.description("Time to Kafka's acknowledgement of an event sent while the webhook waits")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	void spooled(Instant receivedAt) {
		this.registry.counter("cti.ingest.spool.appended").increment();
		if (this.oldestSpooled == null) {
			this.oldestSpooled = receivedAt;
		}
	}

	void forwarded(int count) {
		this.registry.counter("cti.ingest.spool.forwarded").increment(count);
	}

	void notDurable(String reason) {
		this.registry.counter("cti.ingest.events.not.durable", "reason", reason).increment();
	}

}
