package com.cti.ingest.delivery;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka outage in the middle of a stream of webhooks, against a real broker that is
 * stopped and started again: every webhook still gets 200 (spooled), and once Kafka is
 * back every spooled event reaches the topic exactly once, each call's events in the
 * order they came. Only when the spool is full as well is the answer 503.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cti.required-settings=", "cti.ingest.webhook-secret=" + KafkaOutageIntegrationTests.SECRET,
				"cti.ingest.accept-unregistered-apps=true", "cti.ingest.replay-window=3650000d",
				"cti.ingest.spool.directory=target/spool/${random.uuid}", "cti.ingest.spool.max-size=64KB" })
@DirtiesContext
class KafkaOutageIntegrationTests {

	static final String SECRET = "outage-test-secret";

	private static final JsonMapper json = JsonMapper.builder().build();

	static final KraftBroker broker = KraftBroker.startTemporary();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Autowired
	EventSpool spool;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
	}

	@Test
	void spoolsWhileKafkaIsDownAndForwardsEveryEventOnceAndInOrderWhenItIsBack() {
		long[] calls = { callId(), callId(), callId() };
		Map<String, List<String>> sentByCall = new LinkedHashMap<>();
		sendStream(calls, 0, 3, sentByCall);
		assertThat(this.spool.isEmpty()).isTrue();

		broker.stop();
		sendStream(calls, 3, 24, sentByCall);
		assertThat(this.spool.depth()).isEqualTo(21);
		assertThat(this.client.get("/health").statusCode()).as("healthy while the spool takes the events")
			.isEqualTo(200);
		JsonNode health = json.readTree(this.client.get("/actuator/health").body());
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UNREACHABLE");
		assertThat(health.at("/components/spool/status").asString()).as(health.toString()).isEqualTo("UP");
		broker.startAgain();

		await().atMost(Duration.ofSeconds(60)).until(this.spool::isEmpty);
		Map<String, List<String>> publishedByCall = publishedByCall(sentByCall.keySet());
		assertThat(publishedByCall).isEqualTo(sentByCall);
		sendStream(calls, 24, 27, sentByCall);
		assertThat(this.spool.isEmpty()).isTrue();
		assertThat(publishedByCall(sentByCall.keySet())).isEqualTo(sentByCall);
	}

	@Test
	void forwardsASpooledEventInItsWebhooksTrace() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String event = "{\"call_id\":" + callId() + ",\"state\":\"ringing\",\"event_timestamp\":1}";
		broker.stop();
		HttpResponse<String> response;
		try {
			response = this.client.post("/webhooks/dialpad/app-outage", "application/jwt",
					HandMadeJwt.hs256(SECRET, event).getBytes(StandardCharsets.UTF_8), "traceparent",
					"00-" + traceId + "-" + traceId.substring(16) + "-01");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(this.spool.isEmpty()).isFalse();
			await().atMost(Duration.ofSeconds(10)).until(() -> oldestSpooledAge() > 0);
		}
		finally {
			broker.startAgain();
		}
		String eventId = json.readTree(response.body()).path("event_id").asString();

		await().atMost(Duration.ofSeconds(60)).until(this.spool::isEmpty);
		assertThat(oldestSpooledAge()).isZero();
		ConsumerRecord<String, String> record = TopicRecords.readAll(broker.bootstrapServers(), Topics.DIALPAD_EVENTS)
			.stream()
			.filter((candidate) -> TopicRecords.envelope(candidate.value()).eventId().toString().equals(eventId))
			.findFirst()
			.orElseThrow();
		assertThat(record.headers().lastHeader("traceparent")).isNotNull()
			.satisfies((header) -> assertThat(new String(header.value(), StandardCharsets.UTF_8)).contains(traceId));
	}

	@Test
	void answers503OnlyWhenNeitherKafkaNorTheSpoolCanTakeAnEvent() throws Exception {
		long call = callId();
		List<String> accepted = new ArrayList<>();
		HttpResponse<String> refused = null;
		int healthWhileRefusing = 0;
		broker.stop();
		try {
			for (int i = 0; i < 10 && refused == null; i++) {
				String padding = "x".repeat(20_000);
				HttpResponse<String> response = post(call, i, padding);
				if (response.statusCode() == 200) {
					accepted.add(json.readTree(response.body()).get("event_id").asString());
				}
				else {
					refused = response;
				}
			}
			healthWhileRefusing = this.client.get("/health").statusCode();
		}
		finally {
			broker.startAgain();
		}

		assertThat(accepted).hasSizeBetween(1, 3);
		assertThat(refused).isNotNull();
		assertThat(refused.statusCode()).isEqualTo(503);
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:cti:webhook:not-durable");
		assertThat(healthWhileRefusing).as("unhealthy once the spool is full").isEqualTo(503);
		await().atMost(Duration.ofSeconds(60)).until(this.spool::isEmpty);
		assertThat(publishedByCall(List.of(Long.toString(call)))).containsEntry(Long.toString(call), accepted);
	}

	private void sendStream(long[] calls, int from, int to, Map<String, List<String>> sentByCall) {
		for (int i = from; i < to; i++) {
			long call = calls[i % calls.length];
			HttpResponse<String> response = post(call, i, "");
			assertThat(response.statusCode()).as("event %d", i).isEqualTo(200);
			sentByCall.computeIfAbsent(Long.toString(call), (key) -> new ArrayList<>())
				.add(json.readTree(response.body()).get("event_id").asString());
		}
	}

	private HttpResponse<String> post(long call, int sequence, String padding) {
		String event = "{\"call_id\":" + call + ",\"state\":\"state-" + sequence + "\",\"event_timestamp\":"
				+ (1764158400000L + sequence) + ",\"padding\":\"" + padding + "\"}";
		return this.client.post("/webhooks/dialpad/app-outage", "application/jwt", HandMadeJwt.hs256(SECRET, event));
	}

	/** Event ids per call, in partition (offset) order, from the whole topic. */
	private Map<String, List<String>> publishedByCall(Iterable<String> callIds) {
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
						.toList());
		}
		return byCall;
	}

	private double oldestSpooledAge() {
		return this.meters.get("cti.ingest.spool.oldest.age").timeGauge().value();
	}

	private static long callId() {
		return 6_400_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
	}

}
