package com.cti.processor;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor's span for an event continues the trace of the span that sent it
 * (ingest's send, child of the webhook's request), found through the record's
 * {@code traceparent} header although the listener takes whole batches.
 */
@ProcessorIntegrationTest
class EventTracingIntegrationTests {

	@Autowired
	TestEventSender sender;

	@Autowired
	InMemorySpanExporter spans;

	@Autowired
	JdbcClient jdbc;

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

}
