package com.cti.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook's trace: the request's server span, the Kafka send as its child, and the
 * send's context on the record ({@code traceparent}), where the processor picks it up.
 */
@IngestIntegrationTest
@Import(WebhookTracingIntegrationTests.Spans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class WebhookTracingIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	InMemorySpanExporter spans;

	@Test
	void carriesTheRequestsTraceOnTheEventsRecord() {
		String call = "{\"call_id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"state\":\"ringing\",\"event_timestamp\":1}";
		var response = new WebhookClient(this.port).post("/webhooks/dialpad/traced-app", "application/jwt",
				HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, call));
		assertThat(response.statusCode()).isEqualTo(200);
		String eventId = JsonMapper.builder().build().readTree(response.body()).path("event_id").asString();

		SpanData request = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.spans.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER
						&& span.getAttributes().asMap().toString().contains("/webhooks/dialpad/{appId}"))
				.findFirst()
				.orElse(null), (span) -> span != null);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.spans.getFinishedSpanItems())
				.anySatisfy((span) -> assertThat(span).satisfies((send) -> {
					assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
					assertThat(send.getTraceId()).isEqualTo(request.getTraceId());
				})));
		var record = TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS)
			.stream()
			.filter((candidate) -> candidate.value().contains(eventId))
			.findFirst()
			.orElseThrow();
		Header traceparent = record.headers().lastHeader("traceparent");
		assertThat(traceparent).isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(request.getTraceId());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Spans {

		/** Boot's tracer exports to every span exporter bean. */
		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
