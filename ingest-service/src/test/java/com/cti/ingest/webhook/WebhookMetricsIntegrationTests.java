package com.cti.ingest.webhook;

import java.util.Arrays;
import java.util.List;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.WebhookClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters on the Prometheus endpoint: accepted by kind and app, rejected by reason,
 * the spool's depth and size, and the publish latency.
 */
@IngestIntegrationTest
class WebhookMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void exposesTheIngestMetersForPrometheus() {
		var client = new WebhookClient(this.port);
		String call = "{\"call_id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"state\":\"ringing\",\"event_timestamp\":1}";
		assertThat(client
			.post("/webhooks/dialpad/metrics-app", "application/jwt",
					HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, call))
			.statusCode()).isEqualTo(200);
		assertThat(client.post("/webhooks/dialpad/metrics-app", "application/jwt", HandMadeJwt.hs256("forged", call))
			.statusCode()).isEqualTo(401);

		var response = client.get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> lines = Arrays.asList(response.body().split("\n"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_webhooks_accepted_total{")
			.contains("app=\"metrics-app\"")
			.contains("kind=\"call\"")
			.contains("durable_in=\"kafka\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_webhooks_rejected_total{")
			.contains("reason=\"bad-signature\"")
			.contains("app=\"metrics-app\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_spool_oldest_age_seconds"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("http_server_requests_seconds_bucket{")
			.contains("uri=\"/webhooks/dialpad/{appId}\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_spool_depth"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_spool_size"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_publish_latency_seconds_count{")
			.contains("outcome=\"acked\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_publish_latency_seconds_bucket{")
			.contains("outcome=\"acked\""));
		// every 503's counter is there before the first 503, so that an alert sees it
		for (String reason : WebhookMetrics.UNAVAILABLE_REASONS) {
			assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("cti_ingest_webhooks_unavailable_total{")
				.contains("reason=\"" + reason + "\""));
		}
		assertThat(response.body()).doesNotContain(IngestIntegrationTest.WEBHOOK_SECRET);
	}

}
