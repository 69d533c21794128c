package com.cti.processor.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What became of the consumed events, counted once their batch has committed
 * ({@code cti.processor.events} by outcome: processed, parked (no app to attribute it
 * to), failed (recorded with an error), duplicate (recorded before), poison (to the
 * dead-letter topic)), and the projection latency: from ingest's {@code received_at} to
 * the commit that made the event visible to the query service.
 */
@Component
class EventMetrics {

	private final Counter processed;

	private final Counter parked;

	private final Counter failed;

	private final Counter duplicate;

	private final Counter poison;

	private final Timer projectionLatency;

	private final Clock clock;

	EventMetrics(MeterRegistry registry, Clock clock) {
		this.processed = outcome(registry, "processed");
		this.parked = outcome(registry, "parked");
		this.failed = outcome(registry, "failed");
		this.duplicate = outcome(registry, "duplicate");
		this.poison = outcome(registry, "poison");
		this.projectionLatency = Timer.builder("cti.processor.projection.latency")
			.description("From ingest's receipt of an event to the commit of its projection")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
		this.clock = clock;
	}

	private static Counter outcome(MeterRegistry registry, String outcome) {
		return Counter.builder("cti.processor.events")
			.description("Events consumed, by what became of them")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Counts a committed batch.
	 * @param consumed the readable events of the batch
	 * @param recorded the events recorded now
	 * @param poisons the poison records
	 */
	void committed(int consumed, List<StoredEvent> recorded, int poisons) {
		var now = this.clock.instant();
		for (StoredEvent event : recorded) {
			if (event.processed()) {
				this.processed.increment();
				this.projectionLatency.record(Duration.between(event.receivedAt(), now));
			}
			else if (event.error() != null) {
				this.failed.increment();
			}
			else {
				this.parked.increment();
			}
		}
		this.duplicate.increment(Math.max(0, consumed - recorded.size()));
		this.poison.increment(poisons);
	}

}
