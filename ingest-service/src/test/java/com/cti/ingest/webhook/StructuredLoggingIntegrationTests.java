package com.cti.ingest.webhook;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestApplication;
import com.cti.ingest.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log in the container image's format (ECS JSON, one object per line): a webhook's
 * lines carry its event id, app id and call id, and never the token or the secret. An
 * ingest service of its own, started with the format on and Kafka unreachable (the
 * accepted event goes to the spool), so that the shared test context and its broker stay
 * as they are.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SECRET = "structured-logging-test-secret";

	@Test
	void logsTheEventsIdsAsFieldsAndNoSecret(CapturedOutput output) throws Exception {
		// the contexts cached by the other tests keep Logback initialized: let this one
		// configure it again, and the next one after it
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.cleanUp();
		try {
			logsInEcs(output);
		}
		finally {
			logging.cleanUp();
		}
	}

	private void logsInEcs(CapturedOutput output) throws Exception {
		var context = new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=127.0.0.1:" + TestSocketUtils.findAvailableTcpPort(),
				"--cti.ingest.webhook-secret=" + SECRET, "--cti.ingest.accept-unregistered-apps=true",
				"--cti.ingest.replay-window=3650000d",
				"--cti.ingest.spool.directory=" + Files.createTempDirectory("cti-ingest-logging-spool"),
				"--spring.kafka.admin.operation-timeout=1s", "--spring.kafka.admin.close-timeout=1s",
				"--logging.config=classpath:logback-structured-test.xml", "--logging.structured.format.console=ecs",
				"--logging.level.com.cti.ingest.webhook=DEBUG");
		try (context) {
			var client = new WebhookClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
			long callId = WebhookIntegrationTests.uniqueCallId();
			String call = "{\"call_id\":" + callId + ",\"state\":\"ringing\",\"event_timestamp\":1}";
			String token = HandMadeJwt.hs256(SECRET, call);
			String forged = HandMadeJwt.hs256("forged-secret", call);

			var accepted = client.post("/webhooks/dialpad/log-app", "application/jwt", token);
			var refused = client.post("/webhooks/dialpad/log-app", "application/jwt", "");
			var forgedResponse = client.post("/webhooks/dialpad/log-app", "application/jwt", forged);

			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(forgedResponse.statusCode()).isBetween(401, 503);
			JsonNode acceptedLine = line(output, "Webhook accepted");
			assertThat(acceptedLine.path("event_id").asString()).isNotEmpty()
				.isEqualTo(json.readTree(accepted.body()).path("event_id").asString());
			assertThat(acceptedLine.path("app_id").asString()).isEqualTo("log-app");
			assertThat(acceptedLine.path("call_id").asString()).isEqualTo(Long.toString(callId));
			assertThat(acceptedLine.path("traceId").asString()).isNotEmpty();
			assertThat(line(output, "Webhook rejected: empty-body").path("app_id").asString()).isEqualTo("log-app");
			assertThat(output.getAll()).doesNotContain(token).doesNotContain(forged).doesNotContain(SECRET);
		}
	}

	private static JsonNode line(CapturedOutput output, String message) {
		List<String> lines = Arrays.stream(output.getOut().split("\n"))
			.filter((line) -> line.startsWith("{") && line.contains(message))
			.toList();
		assertThat(lines).as("an ECS line with '%s'", message).hasSize(1);
		return json.readTree(lines.get(0));
	}

}
