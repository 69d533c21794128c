package com.cti.processor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor's meters move with what it consumes: events by outcome, the projection
 * latency, and the consumer's lag per partition (Kafka's client metrics).
 */
@ProcessorIntegrationTest
class EventMetricsIntegrationTests {

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestEventSender sender;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsEventsByOutcomeAndTimesTheirProjection() {
		UUID app = new TestData(this.jdbc).newApp();
		double processed = events("processed");
		double parked = events("parked");
		long projected = latency().count();

		this.sender.sendEvents(app.toString(), Fixtures.events("call-answered-two-legs.json").subList(0, 1));
		this.sender.sendEvents(UUID.randomUUID().toString(),
				Fixtures.events("call-answered-two-legs.json").subList(0, 1));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(events("processed")).isEqualTo(processed + 1);
			assertThat(events("parked")).isEqualTo(parked + 1);
			assertThat(latency().count()).isEqualTo(projected + 1);
		});
		assertThat(latency().takeSnapshot().histogramCounts()).as("a histogram, for quantiles in Prometheus")
			.isNotEmpty();
	}

	@Test
	void reportsTheConsumersLagPerPartition() {
		// Micrometer binds a Kafka client's new metrics (those of assigned partitions)
		// once a minute
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.meters.find("kafka.consumer.fetch.manager.records.lag").meters())
				.extracting((Meter meter) -> meter.getId().getTag("partition"))
				.isNotEmpty()
				.doesNotContainNull());
	}

	private double events(String outcome) {
		Counter counter = this.meters.find("cti.processor.events").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Timer latency() {
		return this.meters.get("cti.processor.projection.latency").timer();
	}

}
