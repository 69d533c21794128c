package com.cti.ingest.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.cti.model.IngestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report says what the spool on disk holds, under the configured instance id.
 */
class IngestStatusReporterTests {

	private static final long MB = 1024 * 1024;

	@TempDir
	Path directory;

	@Test
	void reportsTheDepthAndSizeOfTheSpool() throws Exception {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			spool.append("one".getBytes(StandardCharsets.UTF_8));
			spool.append("two".getBytes(StandardCharsets.UTF_8));
			var reporter = reporter(spool, new IngestStatusProperties(Duration.ofSeconds(5), " ingest-a "));

			IngestStatus status = reporter.status();

			assertThat(status.instanceId()).isEqualTo("ingest-a");
			assertThat(status.spoolDepth()).isEqualTo(2);
			assertThat(status.spoolBytes()).isEqualTo(2 * (EventSpool.HEADER_SIZE + 3));
			assertThat(status.interval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(status.reportedAt()).isBetween(Instant.now().minusSeconds(5), Instant.now());
		}
	}

	@Test
	void namesTheInstanceByHostAndPortWhenNotConfigured() throws Exception {
		try (var spool = new EventSpool(this.directory, MB, MB)) {
			var reporter = reporter(spool, new IngestStatusProperties(Duration.ofSeconds(10), null));

			assertThat(reporter.status().instanceId()).endsWith(":4321").hasSizeGreaterThan(":4321".length());
		}
	}

	private static IngestStatusReporter reporter(EventSpool spool, IngestStatusProperties properties) {
		// never sends: status() only reads the spool
		var template = new KafkaTemplate<String, IngestStatus>(new DefaultKafkaProducerFactory<>(Map.of()));
		return new IngestStatusReporter(spool, properties, template,
				new MockEnvironment().withProperty("local.server.port", "4321"));
	}

}
