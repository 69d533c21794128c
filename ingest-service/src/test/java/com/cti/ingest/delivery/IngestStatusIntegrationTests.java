package com.cti.ingest.delivery;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.cti.ingest.IngestApplication;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every ingest instance reports its spool on the status topic, keyed by its instance id,
 * and withdraws the report (a tombstone) when it stops cleanly.
 */
@IngestIntegrationTest
class IngestStatusIntegrationTests {

	private static final JsonMapper plainJson = JsonMapper.builder().build();

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@LocalServerPort
	int port;

	@Test
	void reportsItsSpoolUnderItsHostNameAndPortByDefault() throws Exception {
		String instanceId = InetAddress.getLocalHost().getHostName() + ":" + this.port;

		// the latest report: the context may have been reporting for longer than the
		// window below when this test runs
		String latest = await().atMost(Duration.ofSeconds(15)).until(() -> latestReport(instanceId), Objects::nonNull);

		IngestStatus status = plainJson.readValue(latest, IngestStatus.class);
		assertThat(status.instanceId()).isEqualTo(instanceId);
		assertThat(status.spoolDepth()).isNotNegative();
		assertThat(status.spoolBytes()).isNotNegative();
		assertThat(status.interval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(status.reportedAt()).isBetween(Instant.now().minusSeconds(120), Instant.now());
	}

	@Test
	void reportsEveryIntervalAndWithdrawsOnAGracefulShutdown() throws Exception {
		String instanceId = "status-test-" + System.nanoTime();
		Path spool = Files.createTempDirectory("cti-ingest-status-spool");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + this.brokers,
				"--cti.ingest.webhook-secret=status-test-secret", "--cti.ingest.accept-unregistered-apps=true",
				"--cti.ingest.replay-window=3650000d", "--cti.ingest.spool.directory=" + spool,
				"--cti.ingest.status.instance-id=" + instanceId, "--cti.ingest.status.interval=200ms");
		try {
			await().atMost(Duration.ofSeconds(15)).until(() -> reports(instanceId).size() >= 3);
			List<ConsumerRecord<String, String>> reports = reports(instanceId);
			for (ConsumerRecord<String, String> record : reports) {
				IngestStatus status = plainJson.readValue(record.value(), IngestStatus.class);
				assertThat(status.instanceId()).isEqualTo(instanceId);
				assertThat(status.interval()).isEqualTo(Duration.ofMillis(200));
				assertThat(status.spoolDepth()).isZero();
			}
		}
		finally {
			context.close();
		}

		List<ConsumerRecord<String, String>> after = reports(instanceId);
		assertThat(after.get(after.size() - 1).value()).isNull();
	}

	/** The value of the instance's last record (null when none or a tombstone). */
	private @Nullable String latestReport(String instanceId) {
		List<ConsumerRecord<String, String>> reports = reports(instanceId);
		return reports.isEmpty() ? null : reports.get(reports.size() - 1).value();
	}

	private List<ConsumerRecord<String, String>> reports(String instanceId) {
		return TopicRecords.readAll(this.brokers, Topics.INGEST_STATUS)
			.stream()
			.filter((record) -> instanceId.equals(record.key()))
			.toList();
	}

}
