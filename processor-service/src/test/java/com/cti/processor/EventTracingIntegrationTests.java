package com.cti.processor;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor's span for an event continues the trace of the span that sent it
 * (ingest's send, child of the webhook's request), found through the record's
 * {@code traceparent} header although the listener takes whole batches.
 */
@ProcessorIntegrationTest
@Import(EventTracingIntegrationTests.Spans.class)
@TestPropertySource(properties = "management.tracing.sampling.probability=1.0")
class EventTracingIntegrationTests {

	@Autowired
	TestEventSender sender;

	@Autowired
	InMemorySpanExporter spans;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void continuesTheTraceOfTheSenderForEachRecordOfABatch() {
		UUID app = new TestData(this.jdbc).newApp();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String senderSpanId = traceId.substring(0, 16);
		var event = TestEvents.envelope(app.toString(), Fixtures.events("call-answered-two-legs.json").get(0));

		this.sender.send(event, Map.of("traceparent", "00-" + traceId + "-" + senderSpanId + "-01"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.spans.getFinishedSpanItems())
				.filteredOn((span) -> span.getTraceId().equals(traceId))
				.anySatisfy((span) -> {
					assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
					assertThat(span.getParentSpanId()).isEqualTo(senderSpanId);
					assertThat(span.getAttributes().asMap().toString()).contains("cti-processor");
				}));
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
