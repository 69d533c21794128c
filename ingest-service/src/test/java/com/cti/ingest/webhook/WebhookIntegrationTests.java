package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint end to end against a real broker: a genuine signed event becomes
 * exactly one envelope on the events topic; a forged one is refused and publishes
 * nothing.
 */
@IngestIntegrationTest
class WebhookIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
	}

	@Test
	void publishesOneEnvelopeForASignedCallEvent() throws Exception {
		long callId = uniqueCallId();
		// exact bytes matter: odd spacing, key order and non-ASCII text must survive
		// unchanged
		String payload = """
				{"call_id": %d,  "state":"ringing","direction":"inbound","event_timestamp":1764158400200,\
				"contact":{"name":"Zoë Ångström ☎","phone":"+14155550123"},"duration":0.0,"labels":[]}"""
			.formatted(callId);
		String appId = UUID.randomUUID().toString();

		HttpResponse<String> response = this.client.post("/webhooks/dialpad/" + appId, "application/jwt",
				HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, payload));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("status").asString()).isEqualTo("accepted");
		assertThat(body.get("kind").asString()).isEqualTo("call");
		List<ConsumerRecord<String, String>> published = recordsWithKey(Long.toString(callId));
		assertThat(published).hasSize(1);
		ConsumerRecord<String, String> record = published.get(0);
		DialpadEventReceived envelope = TopicRecords.envelope(record.value());
		assertThat(envelope.eventId().toString()).isEqualTo(body.get("event_id").asString());
		assertThat(envelope.kind()).isEqualTo(EventKind.CALL);
		assertThat(envelope.appId()).isEqualTo(appId);
		assertThat(envelope.payload().getBytes(StandardCharsets.UTF_8))
			.isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
		assertThat(envelope.contentHash()).isEqualTo(sha256("call:" + callId + ":ringing:1764158400200"));
		assertThat(envelope.schemaVersion()).isEqualTo(DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_KIND).value(), StandardCharsets.UTF_8))
			.isEqualTo("call");
	}

	@Test
	void refusesATokenSignedWithAnotherSecretAndPublishesNothing() throws Exception {
		long callId = uniqueCallId();
		String token = HandMadeJwt.hs256("another-secret-entirely",
				"{\"call_id\":" + callId + ",\"state\":\"ringing\",\"event_timestamp\":1}");

		HttpResponse<String> response = this.client.post("/webhooks/dialpad/" + UUID.randomUUID(), "application/jwt",
				token);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("type").asString()).isEqualTo("urn:cti:webhook:bad-signature");
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain(token)
			.doesNotContain(token.substring(token.lastIndexOf('.') + 1))
			.doesNotContain(IngestIntegrationTest.WEBHOOK_SECRET)
			.doesNotContain("another-secret-entirely");
		assertThat(recordsWithKey(Long.toString(callId))).isEmpty();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "application/jwt", "text/plain", "application/json", "text/plain; charset=utf-8",
			"application/x-www-form-urlencoded", "application/octet-stream" })
	void readsTheTokenWhateverTheContentType(@Nullable String contentType) {
		long callId = uniqueCallId();
		String token = HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET,
				"{\"call_id\":" + callId + ",\"state\":\"hangup\",\"event_timestamp\":1764158460000}");

		HttpResponse<String> response = this.client.post("/webhooks/dialpad/app-1", contentType,
				(token + "\n").getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(recordsWithKey(Long.toString(callId))).hasSize(1);
	}

	@Test
	void answersWithTheRightStatusWhateverTheAcceptHeader() {
		String payload = "{\"call_id\":" + uniqueCallId() + ",\"state\":\"hangup\",\"event_timestamp\":1}";

		HttpResponse<String> accepted = this.client.post("/webhooks/dialpad/app-1", "application/jwt",
				HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, payload).getBytes(StandardCharsets.UTF_8),
				"Accept", "text/html");
		HttpResponse<String> refused = this.client.post("/webhooks/dialpad/app-1", "application/jwt",
				HandMadeJwt.hs256("wrong", payload).getBytes(StandardCharsets.UTF_8), "Accept", "text/html");

		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).contains("\"status\":\"accepted\"");
		assertThat(refused.statusCode()).isEqualTo(401);
	}

	@Test
	void attributesEventsPostedWithoutAnAppToTheDefaultApp() {
		long callId = uniqueCallId();
		String token = HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET,
				"{\"call_id\":" + callId + ",\"state\":\"ringing\",\"event_timestamp\":1}");

		assertThat(this.client.post("/webhooks/dialpad", null, token).statusCode()).isEqualTo(200);

		assertThat(recordsWithKey(Long.toString(callId))).singleElement()
			.satisfies((record) -> assertThat(TopicRecords.envelope(record.value()).appId())
				.isEqualTo(IngestIntegrationTest.DEFAULT_APP_ID));
	}

	private List<ConsumerRecord<String, String>> recordsWithKey(String key) {
		return TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS)
			.stream()
			.filter((record) -> key.equals(record.key()))
			.toList();
	}

	static long uniqueCallId() {
		return 6_400_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
	}

	static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
