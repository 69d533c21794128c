package com.cti.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every health component is a {@code cti.health} gauge that follows its status, so that
 * an alert names the service whose database is down.
 */
@SpringBootTest(classes = HealthMetricsIntegrationTests.TestService.class)
class HealthMetricsIntegrationTests {

	static final AtomicBoolean BROKER_UP = new AtomicBoolean(true);

	@Autowired
	private MeterRegistry registry;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.newDatabaseFor(registry);
	}

	@Test
	void followsEachComponentsStatus() {
		assertThat(health("db")).isEqualTo(1);
		assertThat(health("broker")).isEqualTo(1);
		BROKER_UP.set(false);
		try {
			assertThat(health("broker")).isZero();
			assertThat(health("db")).isEqualTo(1);
		}
		finally {
			BROKER_UP.set(true);
		}
		assertThat(health("broker")).isEqualTo(1);
	}

	private double health(String component) {
		return this.registry.get("cti.health").tag("component", component).gauge().value();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestService {

		@Bean
		HealthIndicator broker() {
			return () -> BROKER_UP.get() ? Health.up().build() : Health.down().withDetail("reason", "test").build();
		}

	}

}
