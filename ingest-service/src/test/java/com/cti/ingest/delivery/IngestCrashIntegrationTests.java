package com.cti.ingest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestApplication;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest service as a process of its own, killed with {@code kill -9} while its spool
 * holds every event it accepted (Kafka unreachable), then started again with Kafka back:
 * every accepted event reaches the topic, once, each call's events in order.
 */
class IngestCrashIntegrationTests {

	private static final String SECRET = "crash-test-secret";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void losesNothingWhenKilledWithAFullSpool() throws Exception {
		Path spool = Files.createTempDirectory("cti-ingest-crash-spool");
		int port = TestSocketUtils.findAvailableTcpPort();
		// nothing listens there: Kafka is down for the whole first run
		String deadKafka = "127.0.0.1:" + TestSocketUtils.findAvailableTcpPort();
		Process first = startIngest(port, deadKafka, spool, "first", "--spring.kafka.admin.operation-timeout=1s",
				"--spring.kafka.admin.close-timeout=1s");
		WebhookClient client = awaitUp(port);

		Map<String, List<String>> accepted = new LinkedHashMap<>();
		for (int i = 0; i < 30; i++) {
			String callId = Long.toString(6_400_000_000_000_100L + (i % 4));
			String event = "{\"call_id\":" + callId + ",\"state\":\"state-" + i + "\",\"event_timestamp\":" + (1000 + i)
					+ "}";
			HttpResponse<String> response = client.post("/webhooks/dialpad/app-crash", "application/jwt",
					HandMadeJwt.hs256(SECRET, event));
			assertThat(response.statusCode()).as("event %d", i).isEqualTo(200);
			accepted.computeIfAbsent(callId, (key) -> new ArrayList<>())
				.add(json.readTree(response.body()).get("event_id").asString());
		}
		// without the secrets topic an unknown signature may be a secret not read yet:
		// retry, not refuse
		assertThat(client
			.post("/webhooks/dialpad/app-crash", "application/jwt",
					HandMadeJwt.hs256("some-other-secret", "{\"call_id\":1,\"state\":\"ringing\"}"))
			.statusCode()).isEqualTo(503);
		assertThat(segments(spool)).isNotEmpty();

		first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		assertThat(first.isAlive()).isFalse();

		try (KraftBroker broker = KraftBroker.startTemporary()) {
			Process second = startIngest(port, broker.bootstrapServers(), spool, "second");
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> publishedByCall(broker, accepted.keySet()).equals(accepted));
			await().atMost(Duration.ofSeconds(10)).until(() -> segments(spool).isEmpty());

			second.destroy();
			assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("graceful shutdown").isTrue();
			assertThat(publishedByCall(broker, accepted.keySet())).isEqualTo(accepted);
		}
	}

	/** Runs IngestApplication in a JVM of its own, on this test's class path. */
	private Process startIngest(int port, String kafka, Path spool, String name, String... more) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path log = Path.of("target", "crash-test-ingest-" + name + ".log");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), IngestApplication.class.getName(), "--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + kafka, "--cti.ingest.webhook-secret=" + SECRET,
				"--cti.ingest.accept-unregistered-apps=true", "--cti.ingest.replay-window=3650000d",
				"--cti.ingest.spool.directory=" + spool));
		command.addAll(List.of(more));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.processes.add(process);
		return process;
	}

	private static WebhookClient awaitUp(int port) {
		WebhookClient client = new WebhookClient(port);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> client.get("/health").statusCode() > 0);
		return client;
	}

	private static Map<String, List<String>> publishedByCall(KraftBroker broker, Iterable<String> callIds) {
		List<ConsumerRecord<String, String>> records = TopicRecords.readAll(broker.bootstrapServers(),
				Topics.DIALPAD_EVENTS);
		Map<String, List<String>> byCall = new LinkedHashMap<>();
		for (String callId : callIds) {
			byCall.put(callId,
					records.stream()
						.filter((record) -> callId.equals(record.key()))
						.map((record) -> TopicRecords.envelope(record.value()))
						.map(DialpadEventReceived::eventId)
						.map(Object::toString)
						.collect(Collectors.toList()));
		}
		return byCall;
	}

	private static List<Path> segments(Path spool) throws IOException {
		try (Stream<Path> files = Files.list(spool)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("segment-")).toList();
		}
	}

}
