package com.cti.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.cti.platform.TestPostgres;
import org.awaitility.core.ConditionTimeoutException;
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
 * A processor killed (kill -9) in the middle of a batch, then another one started in its
 * place: nothing is lost, nothing applied twice.
 */
class CrashRecoveryIntegrationTests {

	private static final int COPIES = 200;

	@Test
	void aProcessorKilledMidBatchLosesNothingAndAppliesNothingTwice() throws Exception {
		EmbeddedKafkaKraftBroker broker = ProcessorInstance.broker();
		String brokers = broker.getBrokersAsString();
		String database = TestPostgres.newDatabase();
		ProcessorInstance.migrate(database);
		JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), database, "postgres", ""));
		TestData data = new TestData(jdbc);
		UUID app = data.newApp();
		TestEventSender sender = new TestEventSender(brokers);
		KafkaOffsets offsets = new KafkaOffsets(brokers);
		Path log = Files.createDirectories(Path.of("target")).resolve("crash-recovery-child.log");
		try {
			List<JsonNode> events = Lifecycles.copies(0, COPIES);
			sender.sendEvents(app.toString(), events);

			Process child = ProcessorInstance.startChild(brokers, database, log, "--cti.processor.max-poll-records=50",
					"--spring.kafka.consumer.properties.session.timeout.ms=6000",
					"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
			try {
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> data.processedEvents(app) > 0 && transactionsInFlight(jdbc) > 0);
			}
			catch (ConditionTimeoutException ex) {
				throw new AssertionError("the child processor did not get going; its output:\n" + Files.readString(log),
						ex);
			}
			finally {
				child.destroyForcibly();
				assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
			}
			int appliedAtKill = data.processedEvents(app);
			assertThat(appliedAtKill).as("killed before the end").isLessThan(events.size());

			try (ConfigurableApplicationContext restarted = ProcessorInstance.start(brokers, database)) {
				await().atMost(Duration.ofSeconds(60)).until(() -> data.processedEvents(app) == events.size());
				await().atMost(Duration.ofSeconds(30))
					.until(() -> offsets.committedTotal("cti-processor") == offsets.endTotal());
			}
			assertThat(jdbc.sql("select count(*) from webhook_events").query(Integer.class).single())
				.isEqualTo(events.size());
			Lifecycles.assertCopiesMatchCopyZero(jdbc, app, COPIES);
		}
		finally {
			offsets.close();
			sender.close();
			broker.destroy();
		}
	}

	/** Transactions of other sessions open on the database right now. */
	private static int transactionsInFlight(JdbcClient jdbc) {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
				  and state in ('active', 'idle in transaction')
				""").query(Integer.class).single();
	}

}
