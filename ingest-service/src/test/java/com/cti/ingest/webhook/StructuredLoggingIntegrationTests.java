package com.cti.ingest.webhook;

import java.util.Arrays;
import java.util.List;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The log in the container image's format (ECS JSON, one object per line): a webhook's
 * lines carry its event id, app id and call id, and never the token or the secret.
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.config=classpath:logback-structured-test.xml",
		"logging.structured.format.console=ecs", "logging.level.com.cti.ingest.webhook=DEBUG" })
class StructuredLoggingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void logsTheEventsIdsAsFieldsAndNoSecret(CapturedOutput output) {
		var client = new WebhookClient(this.port);
		long callId = WebhookIntegrationTests.uniqueCallId();
		String call = "{\"call_id\":" + callId + ",\"state\":\"ringing\",\"event_timestamp\":1}";
		String token = HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, call);
		String forged = HandMadeJwt.hs256("forged-secret", call);

		var accepted = client.post("/webhooks/dialpad/log-app", "application/jwt", token);
		var refused = client.post("/webhooks/dialpad/log-app", "application/jwt", forged);

		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(refused.statusCode()).isEqualTo(401);
		await().untilAsserted(() -> assertThat(output.getOut()).contains("Webhook rejected"));
		JsonNode acceptedLine = line(output, "Webhook accepted");
		assertThat(acceptedLine.path("event_id").asString()).isNotEmpty()
			.isEqualTo(json.readTree(accepted.body()).path("event_id").asString());
		assertThat(acceptedLine.path("app_id").asString()).isEqualTo("log-app");
		assertThat(acceptedLine.path("call_id").asString()).isEqualTo(Long.toString(callId));
		assertThat(line(output, "Webhook rejected").path("app_id").asString()).isEqualTo("log-app");
		assertThat(output.getAll()).doesNotContain(token)
			.doesNotContain(forged)
			.doesNotContain(IngestIntegrationTest.WEBHOOK_SECRET)
			.doesNotContain(IngestIntegrationTest.INTERNAL_API_SECRET);
	}

	private static JsonNode line(CapturedOutput output, String message) {
		List<String> lines = Arrays.stream(output.getOut().split("\n"))
			.filter((line) -> line.startsWith("{") && line.contains(message))
			.toList();
		assertThat(lines).as("an ECS line with '%s'", message).hasSize(1);
		return json.readTree(lines.get(0));
	}

}
