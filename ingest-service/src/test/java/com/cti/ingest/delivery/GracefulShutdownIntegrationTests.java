package com.cti.ingest.delivery;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestApplication;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Shutting down while a webhook is in flight (Kafka down, so it ends in the spool): the
 * request still gets its 200, the event is in the spool on disk for the next start, and
 * no new request is taken.
 */
class GracefulShutdownIntegrationTests {

	private static final String SECRET = "shutdown-test-secret";

	@Test
	void finishesTheRequestInFlightAndKeepsItsEvent() throws Exception {
		Path spoolDirectory = Files.createTempDirectory("cti-ingest-shutdown-spool");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0",
				"--spring.kafka.bootstrap-servers=127.0.0.1:" + TestSocketUtils.findAvailableTcpPort(),
				"--cti.ingest.webhook-secret=" + SECRET, "--cti.ingest.accept-unregistered-apps=true",
				"--cti.ingest.replay-window=3650000d", "--cti.ingest.spool.directory=" + spoolDirectory,
				"--spring.kafka.admin.operation-timeout=1s", "--spring.kafka.admin.close-timeout=1s");
		var client = new WebhookClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
		MeterRegistry meters = context.getBean(MeterRegistry.class);

		CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
			.supplyAsync(() -> client.post("/webhooks/dialpad/app-shutdown", "application/jwt", HandMadeJwt
				.hs256(SECRET, "{\"call_id\":6400000000000900,\"state\":\"hangup\",\"event_timestamp\":1}")));
		await().atMost(Duration.ofSeconds(10)).until(() -> activeRequests(meters) > 0);
		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

		HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
		closing.get(30, TimeUnit.SECONDS);

		assertThat(response.statusCode()).isEqualTo(200);
		String eventId = JsonMapper.builder().build().readTree(response.body()).get("event_id").asString();
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> client.post("/webhooks/dialpad/app-shutdown", "application/jwt", "x"));
		try (var spool = new EventSpool(spoolDirectory, 1024 * 1024, 1024 * 1024)) {
			assertThat(spool.depth()).isEqualTo(1);
			assertThat(SpooledEvent.fromBytes(spool.read(1).get(0).data()).event().eventId()).hasToString(eventId);
		}
	}

	private static long activeRequests(MeterRegistry meters) {
		LongTaskTimer active = meters.find("http.server.requests.active").longTaskTimer();
		return (active != null) ? active.activeTasks() : 0;
	}

}
