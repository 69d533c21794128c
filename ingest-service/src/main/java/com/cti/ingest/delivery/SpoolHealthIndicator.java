package com.cti.ingest.delivery;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The ingest service is down only when it is about to be unable to make an event durable:
 * the spool (which takes every event while Kafka is unreachable, and until it has
 * drained) has less than a tenth of its room left. A Kafka outage alone is not a reason
 * to take an instance out of a load balancer: the spool takes the events.
 */
@Component("spoolHealthIndicator")
class SpoolHealthIndicator extends AbstractHealthIndicator {

	private final EventSpool spool;

	private final long maxSize;

	SpoolHealthIndicator(EventSpool spool, SpoolProperties properties) {
		super("Spool health check failed");
		this.spool = spool;
		this.maxSize = properties.maxSize().toBytes();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long size = this.spool.size();
		boolean full = this.spool.isRefusing() || size > this.maxSize - this.maxSize / 10;
		builder.status(full ? "DOWN" : "UP")
			.withDetail("depth", this.spool.depth())
			.withDetail("size_bytes", size)
			.withDetail("max_size_bytes", this.maxSize);
		if (full) {
			builder.withDetail("error", "the spool is (nearly) full: events are refused (503) until Kafka takes them");
		}
	}

}
