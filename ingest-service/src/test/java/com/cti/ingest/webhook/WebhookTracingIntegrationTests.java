package com.cti.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.Topics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook's trace: the request's server span, the Kafka send as its child, and the
 * send's context on the record ({@code traceparent}), where the processor picks it up.
 * The request comes with a sampled {@code traceparent}, so that its spans are exported
 * whatever the sampling probability.
 */
@IngestIntegrationTest
class WebhookTracingIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	InMemorySpanExporter spans;

	@Test
	void carriesTheRequestsTraceOnTheEventsRecord() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String call = "{\"call_id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"state\":\"ringing\",\"event_timestamp\":1}";
		var response = new WebhookClient(this.port).post("/webhooks/dialpad/traced-app", "application/jwt",
				HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, call).getBytes(StandardCharsets.UTF_8),
				"traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01");
		assertThat(response.statusCode()).isEqualTo(200);
		String eventId = JsonMapper.builder().build().readTree(response.body()).path("event_id").asString();

		SpanData request = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getTraceId().equals(traceId) && span.getKind() == SpanKind.SERVER)
				.findFirst()
				.orElse(null), (span) -> span != null);
		assertThat(request.getAttributes().asMap().toString()).contains("/webhooks/dialpad/{appId}");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.spans.getFinishedSpanItems())
				.filteredOn((span) -> span.getTraceId().equals(traceId))
				.anySatisfy((send) -> {
					assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
					assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
				}));
		var record = TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS)
			.stream()
			.filter((candidate) -> candidate.value().contains(eventId))
			.findFirst()
			.orElseThrow();
		Header traceparent = record.headers().lastHeader("traceparent");
		assertThat(traceparent).isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(traceId);
	}

}
