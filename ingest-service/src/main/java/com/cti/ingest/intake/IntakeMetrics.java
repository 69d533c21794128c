package com.cti.ingest.intake;

import java.util.Locale;

import com.cti.ingest.delivery.Delivery;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the intake's calls accepted (by where they were made durable), its requests
 * rejected (by reason) and those turned away for a transient fault (by reason), as the
 * webhook metrics count webhooks.
 */
@Component
class IntakeMetrics {

	private final MeterRegistry registry;

	IntakeMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void accepted(Delivery delivery) {
		this.registry
			.counter("cti.ingest.intake.calls.accepted", "durable_in", delivery.name().toLowerCase(Locale.ROOT))
			.increment();
	}

	void rejected(String reason) {
		this.registry.counter("cti.ingest.intake.rejected", "reason", reason).increment();
	}

	void unavailable(String reason) {
		this.registry.counter("cti.ingest.intake.unavailable", "reason", reason).increment();
	}

}
