package com.cti.processor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.cti.platform.TestPostgres;
import com.cti.processor.rebuild.RebuildCommand;
import com.cti.processor.rebuild.RebuildReport;
import org.apache.kafka.common.TopicPartition;
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
 * Two processor instances in one consumer group share the partitions; when one leaves
 * mid-stream the other takes its partitions over and nothing is lost or applied twice.
 * Then the rebuild, over HTTP and as a command, gives the same tables.
 */
class MultiInstanceIntegrationTests {

	private static final int COPIES = 150;

	@Test
	void twoInstancesShareThePartitionsAndARebalanceLosesNothing() throws Exception {
		EmbeddedKafkaKraftBroker broker = ProcessorInstance.broker();
		String brokers = broker.getBrokersAsString();
		String database = TestPostgres.newDatabase();
		ProcessorInstance.migrate(database);
		JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), database, "postgres", ""));
		TestData data = new TestData(jdbc);
		UUID app = data.newApp();
		TestEventSender sender = new TestEventSender(brokers);
		KafkaOffsets offsets = new KafkaOffsets(brokers);
		ConfigurableApplicationContext first = ProcessorInstance.start(brokers, database,
				"--cti.processor.max-poll-records=50",
				// the rebuild over HTTP, exposed on purpose
				"--management.endpoints.web.exposure.include=health,rebuild");
		ConfigurableApplicationContext second = ProcessorInstance.start(brokers, database,
				"--cti.processor.max-poll-records=50");
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				Set<TopicPartition> all = new HashSet<>(ProcessorInstance.assigned(first));
				all.addAll(ProcessorInstance.assigned(second));
				return !ProcessorInstance.assigned(first).isEmpty() && !ProcessorInstance.assigned(second).isEmpty()
						&& all.size() == ProcessorInstance.PARTITIONS;
			});
			Collection<TopicPartition> secondsPartitions = List.copyOf(ProcessorInstance.assigned(second));
			List<JsonNode> early = Lifecycles.copies(0, 100);
			sender.sendEvents(app.toString(), early);
			// the second instance applied and committed events of its own partitions
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				Map<Integer, Long> committed = offsets.committed("cti-processor");
				return secondsPartitions.stream()
					.allMatch((partition) -> committed.getOrDefault(partition.partition(), 0L) > 0);
			});

			second.close();
			List<JsonNode> late = Lifecycles.copies(100, COPIES);
			sender.sendEvents(app.toString(), late);

			int total = early.size() + late.size();
			await().atMost(Duration.ofSeconds(60)).until(() -> data.processedEvents(app) == total);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> offsets.committedTotal("cti-processor") == offsets.endTotal());
			assertThat(ProcessorInstance.assigned(first)).hasSize(ProcessorInstance.PARTITIONS);
			assertThat(jdbc.sql("select count(*) from webhook_events").query(Integer.class).single()).isEqualTo(total);
			Lifecycles.assertCopiesMatchCopyZero(jdbc, app, COPIES);
			ProjectedRows projected = ProjectedRows.of(jdbc, app);

			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + first.getEnvironment().getProperty("local.server.port")
							+ "/actuator/rebuild"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode report = Fixtures.json.readTree(response.body());
			JsonNode applied = report.has("events_applied") ? report.get("events_applied")
					: report.get("eventsApplied");
			assertThat(applied.asLong()).isEqualTo(total);
			assertThat(ProjectedRows.of(jdbc, app)).isEqualTo(projected);
			first.close();

			RebuildReport command = RebuildCommand.run(ProcessorApplication.class, "rebuild",
					"--spring.kafka.bootstrap-servers=" + brokers, "--spring.datasource.url=" + database,
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--cti.required-settings=", "--cti.kafka.partitions=" + ProcessorInstance.PARTITIONS);
			assertThat(command.eventsApplied()).isEqualTo(total);
			assertThat(command.changes()).isZero();
			assertThat(ProjectedRows.of(jdbc, app)).isEqualTo(projected);
		}
		finally {
			second.close();
			first.close();
			offsets.close();
			sender.close();
			broker.destroy();
		}
	}

}
