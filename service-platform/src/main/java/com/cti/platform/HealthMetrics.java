package com.cti.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * Each health component's status as the gauge {@code cti.health} (tag {@code component}:
 * {@code db}, {@code kafka}, ingest's {@code spool}): 1 while it is UP, 0 otherwise, read
 * from the health endpoint at each scrape. An alert on {@code cti_health{component="db"}}
 * then names the service that lost its database (Boot's how-to "Map Health Indicators to
 * Micrometer Metrics").
 */
class HealthMetrics implements MeterBinder {

	private final ObjectProvider<HealthContributorRegistry> contributors;

	private final ObjectProvider<HealthEndpoint> endpoint;

	HealthMetrics(ObjectProvider<HealthContributorRegistry> contributors, ObjectProvider<HealthEndpoint> endpoint) {
		this.contributors = contributors;
		this.endpoint = endpoint;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		HealthContributorRegistry contributors = this.contributors.getIfAvailable();
		if (contributors == null) {
			return;
		}
		contributors.stream()
			.map(HealthContributors.Entry::name)
			.forEach((component) -> Gauge.builder("cti.health", () -> up(component))
				.description("1 while the health component is UP, 0 otherwise")
				.tag("component", component)
				.register(registry));
	}

	private double up(String component) {
		HealthEndpoint health = this.endpoint.getIfAvailable();
		HealthDescriptor descriptor = (health != null) ? health.healthForPath(component) : null;
		return (descriptor != null && Status.UP.equals(descriptor.getStatus())) ? 1 : 0;
	}

}
