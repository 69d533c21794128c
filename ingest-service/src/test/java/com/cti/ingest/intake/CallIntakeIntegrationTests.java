package com.cti.ingest.intake;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.EventKind;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/intake/{app_id}/calls} against a real broker: each call becomes
 * one envelope with the key, content hash and headers that a webhook of the same call
 * gets, and a bad request is refused with a problem and publishes nothing.
 */
@IngestIntegrationTest
class CallIntakeIntegrationTests {

	static final String BEARER = "Bearer " + IngestIntegrationTest.INTERNAL_API_SECRET;

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	// the context's own broker: spring.embedded.kafka.brokers names the broker of the
	// context started last
	@Autowired
	EmbeddedKafkaBroker broker;

	String brokers;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.brokers = this.broker.getBrokersAsString();
	}

	@Test
	void publishesEachCallAsAWebhookOfThatCallWouldBePublished() {
		String appId = UUID.randomUUID().toString();
		long numeric = callId();
		long string = callId();
		long stateless = callId();
		String calls = "[" + call(numeric, "\"hangup\"", false) + "," + call(string, "\"missed\"", true) + ","
				+ call(stateless, null, false) + "]";

		HttpResponse<String> response = post(appId, calls, BEARER);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("accepted").asInt()).isEqualTo(3);
		assertThat(json.readTree(response.body()).get("spooled").asInt()).isZero();
		for (long callId : new long[] { numeric, string, stateless }) {
			ConsumerRecord<String, String> record = single(Long.toString(callId));
			DialpadEventReceived envelope = TopicRecords.envelope(record.value());
			assertThat(envelope.kind()).isEqualTo(EventKind.CALL);
			assertThat(envelope.appId()).isEqualTo(appId);
			assertThat(envelope.schemaVersion()).isEqualTo(DialpadEventReceived.CURRENT_SCHEMA_VERSION);
			assertThat(json.readTree(envelope.payload())).isEqualTo(sentCall(calls, callId));
			assertThat(header(record, EventHeaders.EVENT_KIND)).isEqualTo("call");
			assertThat(header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
		}
		// a webhook of the same call (the stateless one as the hangup it is) gets the
		// same
		// key and content hash: the processor records the event once
		HttpResponse<String> webhook = this.client.post("/webhooks/dialpad/" + appId, "application/jwt",
				HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, call(stateless, "\"hangup\"", false)));
		assertThat(webhook.statusCode()).isEqualTo(200);
		List<DialpadEventReceived> both = records(Long.toString(stateless)).stream()
			.map((record) -> TopicRecords.envelope(record.value()))
			.toList();
		assertThat(both).hasSize(2);
		assertThat(both.get(1).contentHash()).isEqualTo(both.get(0).contentHash());
	}

	@Test
	void takesTheCallsAlsoAsTheCallsFieldOfAnObject() {
		long callId = callId();

		HttpResponse<String> response = post(UUID.randomUUID().toString(),
				"{\"calls\":[" + call(callId, "\"hangup\"", false) + "]}", BEARER);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("accepted").asInt()).isOne();
		assertThat(records(Long.toString(callId))).hasSize(1);
	}

	@Test
	void refusesEachBadRequestWithAProblemAndPublishesNothing() {
		long callId = callId();
		String good = call(callId, "\"hangup\"", false);
		String appId = UUID.randomUUID().toString();

		assertProblem(post(appId, "[" + good + "]", null), 401, "unauthorized");
		assertProblem(post(appId, "[" + good + "]", "Bearer not-the-secret"), 401, "unauthorized");
		assertProblem(post(appId, "[" + good + "]", IngestIntegrationTest.INTERNAL_API_SECRET), 401, "unauthorized");
		assertProblem(post("not-an-app", "[" + good + "]", BEARER), 400, "invalid-app-id");
		assertProblem(post(appId, "[" + good, BEARER), 400, "not-json");
		assertProblem(post(appId, "", BEARER), 400, "not-json");
		assertProblem(post(appId, good, BEARER), 400, "not-an-array");
		assertProblem(post(appId, "{\"calls\":" + good + "}", BEARER), 400, "not-an-array");
		assertProblem(post(appId, "42", BEARER), 400, "not-an-array");
		assertProblem(post(appId, "[" + good + ",{\"state\":\"hangup\"}]", BEARER), 400, "call-without-id");
		assertProblem(post(appId, "[" + good + ",{\"call_id\":\"abc\",\"state\":\"hangup\"}]", BEARER), 400,
				"call-without-id");
		assertProblem(post(appId, "[" + good + ",7]", BEARER), 400, "call-not-object");
		assertProblem(post(appId, "[" + good + ",{}".repeat(500) + "]", BEARER), 413, "too-many-calls");
		String huge = "[" + good + ",{\"call_id\":1,\"padding\":\"" + "x".repeat(600 * 1024) + "\"}]";
		assertProblem(post(appId, huge, BEARER), 413, "body-too-large");
		String large = "[" + good + ",{\"call_id\":1,\"padding\":\"" + "x".repeat(300 * 1024) + "\"}]";
		assertProblem(post(appId, large, BEARER), 413, "call-too-large");

		assertThat(records(Long.toString(callId))).isEmpty();
	}

	@Test
	void countsTheCallsItTakesAndTheRequestsItRefuses() {
		assertThat(post(UUID.randomUUID().toString(), "[" + call(callId(), "\"hangup\"", false) + "]", BEARER)
			.statusCode()).isEqualTo(200);
		assertThat(post(UUID.randomUUID().toString(), "[]", "Bearer wrong").statusCode()).isEqualTo(401);

		String metrics = this.client.get("/actuator/prometheus").body();

		assertThat(metrics).containsPattern("cti_ingest_intake_calls_accepted_total\\{durable_in=\"kafka\"[^}]*} [1-9]")
			.containsPattern("cti_ingest_intake_rejected_total\\{reason=\"unauthorized\"[^}]*} [1-9]")
			.doesNotContain(IngestIntegrationTest.INTERNAL_API_SECRET);
	}

	private HttpResponse<String> post(String appId, String body, String authorization) {
		String path = "/internal/intake/" + appId + "/calls";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return (authorization != null)
				? this.client.post(path, "application/json", bytes, "Authorization", authorization)
				: this.client.post(path, "application/json", bytes);
	}

	static void assertProblem(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).isEqualTo("urn:cti:intake:" + reason);
		assertThat(response.body()).doesNotContain(IngestIntegrationTest.INTERNAL_API_SECRET);
		if (status == 401) {
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		}
	}

	/** A call as Dialpad's call list returns it. */
	static String call(long callId, String stateJson, boolean idAsString) {
		String id = idAsString ? "\"" + callId + "\"" : Long.toString(callId);
		return "{\"call_id\":" + id + ((stateJson != null) ? ",\"state\":" + stateJson : "")
				+ ",\"direction\":\"inbound\",\"date_started\":1764158400000,\"date_ended\":1764158430000,"
				+ "\"total_duration\":1234.5,\"event_timestamp\":1764158430100,"
				+ "\"contact\":{\"name\":\"Zoë Caller\",\"phone\":\"+14155559876\"}}";
	}

	private static JsonNode sentCall(String calls, long callId) {
		for (JsonNode call : json.readTree(calls)) {
			if (call.get("call_id").asString().equals(Long.toString(callId))) {
				return call;
			}
		}
		throw new AssertionError("no call " + callId);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private ConsumerRecord<String, String> single(String key) {
		List<ConsumerRecord<String, String>> records = records(key);
		assertThat(records).as("records keyed %s", key).hasSize(1);
		return records.get(0);
	}

	private List<ConsumerRecord<String, String>> records(String key) {
		return TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS)
			.stream()
			.filter((record) -> key.equals(record.key()))
			.toList();
	}

	static long callId() {
		return 6_400_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
	}

}
