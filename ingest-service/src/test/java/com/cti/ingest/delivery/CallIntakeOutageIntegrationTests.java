package com.cti.ingest.delivery;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import com.cti.model.Topics;
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
 * The intake while Kafka is down, against a real broker that is stopped and started
 * again: the calls take the webhooks' spool, the answer (200) comes only once every call
 * of the request is in the spool on disk, and they reach the topic once Kafka is back.
 * Only when the spool is full as well is the answer 503 with {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cti.required-settings=", "cti.ingest.webhook-secret=intake-outage-webhook-secret",
				"cti.ingest.intake.internal-api-secret=" + CallIntakeOutageIntegrationTests.SECRET,
				"cti.ingest.spool.directory=target/spool/${random.uuid}", "cti.ingest.spool.max-size=64KB" })
@DirtiesContext
class CallIntakeOutageIntegrationTests {

	static final String SECRET = "intake-outage-internal-secret";

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

	@LocalServerPort
	int port;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
	}

	@Test
	void answersOnlyOnceEveryCallIsInTheSpoolAndForwardsThemWhenKafkaIsBack() {
		long[] calls = { callId(), callId(), callId() };
		broker.stop();
		HttpResponse<String> response;
		long depthAtAnswer;
		try {
			response = post(calls, "");
			depthAtAnswer = this.spool.depth();
		}
		finally {
			broker.startAgain();
		}

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("accepted").asInt()).isEqualTo(3);
		assertThat(json.readTree(response.body()).get("spooled").asInt()).isEqualTo(3);
		assertThat(depthAtAnswer).as("spooled (appended and fsync'd) before the answer").isEqualTo(3);
		await().atMost(Duration.ofSeconds(60)).until(this.spool::isEmpty);
		assertThat(keys(calls)).containsExactlyInAnyOrder(Long.toString(calls[0]), Long.toString(calls[1]),
				Long.toString(calls[2]));
	}

	@Test
	void answers503WithRetryAfterWhenNeitherKafkaNorTheSpoolCanTakeACall() {
		long[] calls = new long[10];
		for (int i = 0; i < calls.length; i++) {
			calls[i] = callId();
		}
		broker.stop();
		HttpResponse<String> refused;
		try {
			refused = post(calls, "x".repeat(20_000));
		}
		finally {
			broker.startAgain();
		}

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:cti:intake:not-durable");
		assertThat(problem.get("detail").asString()).containsPattern("^[1-3] of 10 calls were made durable");
		await().atMost(Duration.ofSeconds(60)).until(this.spool::isEmpty);

		HttpResponse<String> repeated = post(calls, "x".repeat(20_000));
		assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
		assertThat(keys(calls)).containsAll(List.of(Long.toString(calls[0]), Long.toString(calls[9])));
	}

	private HttpResponse<String> post(long[] calls, String padding) {
		List<String> items = new ArrayList<>();
		for (long call : calls) {
			items.add("{\"call_id\":" + call + ",\"event_timestamp\":1764158430100,\"padding\":\"" + padding + "\"}");
		}
		return this.client.post("/internal/intake/" + UUID.randomUUID() + "/calls", "application/json",
				("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8), "Authorization",
				"Bearer " + SECRET);
	}

	/** The keys of the topic's records of these calls, one per record. */
	private List<String> keys(long[] calls) {
		List<String> wanted = new ArrayList<>();
		for (long call : calls) {
			wanted.add(Long.toString(call));
		}
		return TopicRecords.readAll(broker.bootstrapServers(), Topics.DIALPAD_EVENTS)
			.stream()
			.map(ConsumerRecord::key)
			.filter(wanted::contains)
			.toList();
	}

	private static long callId() {
		return 6_400_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
	}

}
