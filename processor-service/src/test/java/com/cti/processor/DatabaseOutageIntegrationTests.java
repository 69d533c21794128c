package com.cti.processor;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stopped and started again while events keep coming: the processor retries
 * with backoff, commits no offset past what it applied, and in the end everything is
 * applied exactly once in effect.
 */
class DatabaseOutageIntegrationTests {

	private static final int COPIES = 150;

	@Test
	void appliesEverythingOnceAcrossADatabaseRestart() throws Exception {
		int port = freePort();
		Path dataDirectory = Files.createTempDirectory("cti-processor-pg");
		EmbeddedPostgres postgres = start(port, dataDirectory);
		String database = postgres.getJdbcUrl("postgres", "postgres");
		ProcessorInstance.migrate(database);
		EmbeddedKafkaKraftBroker broker = ProcessorInstance.broker();
		String brokers = broker.getBrokersAsString();
		JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), database, "postgres", ""));
		TestData data = new TestData(jdbc);
		UUID app = data.newApp();
		TestEventSender sender = new TestEventSender(brokers);
		KafkaOffsets offsets = new KafkaOffsets(brokers);
		ConfigurableApplicationContext processor = ProcessorInstance.start(brokers, database,
				"--cti.processor.max-poll-records=50", "--cti.processor.retry-max-interval=1s",
				"--spring.datasource.hikari.connection-timeout=1000");
		try {
			List<JsonNode> before = Lifecycles.copies(0, 100);
			sender.sendEvents(app.toString(), before);
			await().atMost(Duration.ofSeconds(60)).until(() -> data.processedEvents(app) > 0);

			postgres.close();
			List<JsonNode> during = Lifecycles.copies(100, COPIES);
			sender.sendEvents(app.toString(), during);
			int total = before.size() + during.size();
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> processor.isRunning() && offsets.committedTotal("cti-processor") < total);
			postgres = start(port, dataDirectory);

			await().atMost(Duration.ofSeconds(90)).until(() -> data.processedEvents(app) == total);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> offsets.committedTotal("cti-processor") == offsets.endTotal());
			assertThat(jdbc.sql("select count(*) from webhook_events").query(Integer.class).single()).isEqualTo(total);
			Lifecycles.assertCopiesMatchCopyZero(jdbc, app, COPIES);
		}
		finally {
			processor.close();
			offsets.close();
			sender.close();
			broker.destroy();
			postgres.close();
		}
	}

	private static EmbeddedPostgres start(int port, Path dataDirectory) throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
