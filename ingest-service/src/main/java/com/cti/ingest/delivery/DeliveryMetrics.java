package com.cti.ingest.delivery;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The delivery meters: publish latency by outcome, events spooled and forwarded, the
 * spool's depth and size, and events that could be made durable nowhere.
 */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry, EventSpool spool) {
		this.registry = registry;
		registry.gauge("cti.ingest.spool.depth", spool, EventSpool::depth);
		registry.gauge("cti.ingest.spool.size", spool, EventSpool::size);
	}

	void published(long nanos, String outcome) {
		Timer.builder("cti.ingest.publish.latency")
			.description("Time to Kafka's acknowledgement of an event sent while the webhook waits")
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	void spooled() {
		this.registry.counter("cti.ingest.spool.appended").increment();
	}

	void forwarded(int count) {
		this.registry.counter("cti.ingest.spool.forwarded").increment(count);
	}

	void notDurable(String reason) {
		this.registry.counter("cti.ingest.events.not.durable", "reason", reason).increment();
	}

}
