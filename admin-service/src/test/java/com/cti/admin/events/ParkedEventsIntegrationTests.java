package com.cti.admin.events;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.EventKind;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@AdminIntegrationTest
class ParkedEventsIntegrationTests {

	private static final JsonMapper wireMapper = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void listsUnattributedEventsStillParkedNewestFirstOneKeysetPageAtATime() {
		Instant now = Instant.now();
		UUID older = insertEvent(null, "call", callPayload(11, "ringing"), now.minusSeconds(30), false, null);
		UUID newer = insertEvent(null, "sms", smsPayload(12), now.minusSeconds(20), false, null);
		UUID resolved = insertEvent(null, "call", callPayload(13, "hangup"), now.minusSeconds(10), true, null);

		List<String> ids = walk("/internal/events/unattributed?limit=1");
		List<String> all = walk("/internal/events/unattributed?include_resolved=true&limit=2");

		assertThat(ids).doesNotHaveDuplicates().doesNotContain(resolved.toString());
		assertThat(ids.stream().filter(List.of(older.toString(), newer.toString())::contains))
			.containsExactly(newer.toString(), older.toString());
		assertThat(all.stream().filter(List.of(older.toString(), newer.toString(), resolved.toString())::contains))
			.containsExactly(resolved.toString(), newer.toString(), older.toString());
	}

	@Test
	void listsFailedEventsOfOneApp() {
		UUID appId = api().createApp("failures").appId();
		UUID failed = insertEvent(appId, "call", "{not json", Instant.now(), false, "payload is not a JSON object");
		insertEvent(appId, "call", callPayload(21, "hangup"), Instant.now(), true, null);

		Response page = api().get("/internal/events/failed?app_id=" + appId);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("items").size()).isEqualTo(1);
		var event = page.json().path("items").path(0);
		assertThat(event.path("event_id").asString()).isEqualTo(failed.toString());
		assertThat(event.path("processing_error").asString()).isEqualTo("payload is not a JSON object");
		assertThat(event.path("app_id").asString()).isEqualTo(appId.toString());
		assertThat(event.has("payload")).isFalse();
	}

	@Test
	void showsOneEventWithItsPayload() {
		UUID eventId = insertEvent(null, "call", callPayload(31, "connected"), Instant.now(), false, null);

		Response response = api().get("/internal/events/" + eventId);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("event").path("event_id").asString()).isEqualTo(eventId.toString());
		assertThat(response.json().path("event").path("kind").asString()).isEqualTo("call");
		assertThat(response.field("payload")).isEqualTo(callPayload(31, "connected"));
		assertThat(response.field("content_hash")).isEqualTo("hash-" + eventId);
		assertThat(api().get("/internal/events/" + UUID.randomUUID()).isProblem(404)).isTrue();
		assertThat(api().get("/internal/events/nope").isProblem(400)).isTrue();
	}

	@Test
	void assigningRepublishesTheEventForTheAppKeyedByCallId() {
		UUID appId = api().withHeader("X-Actor", "dave").createApp("assignee").appId();
		Instant receivedAt = Instant.now().minus(Duration.ofHours(2));
		UUID original = insertEvent(null, "call", callPayload(6_512_025_447_792_640L, "hangup"), receivedAt, false,
				null);

		Response response = api().post("/internal/events/" + original + "/assign", """
				{"app_id": "%s"}
				""".formatted(appId));

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.field("replay_of")).isEqualTo(original.toString());
		assertThat(response.field("app_id")).isEqualTo(appId.toString());
		UUID newId = UUID.fromString(response.field("event_id"));
		assertThat(newId).isNotEqualTo(original);
		ConsumerRecord<String, byte[]> record = republished(original, 1).get(0);
		assertThat(record.key()).isEqualTo("6512025447792640");
		assertThat(header(record, EventHeaders.REPLAY_OF)).isEqualTo(original.toString());
		assertThat(header(record, EventHeaders.EVENT_KIND)).isEqualTo("call");
		assertThat(header(record, EventHeaders.SCHEMA_VERSION))
			.isEqualTo(Integer.toString(DialpadEventReceived.CURRENT_SCHEMA_VERSION));
		DialpadEventReceived event = wireMapper.readValue(record.value(), DialpadEventReceived.class);
		assertThat(event.eventId()).isEqualTo(newId);
		assertThat(event.appId()).isEqualTo(appId.toString());
		assertThat(event.kind()).isEqualTo(EventKind.CALL);
		assertThat(event.payload()).isEqualTo(callPayload(6_512_025_447_792_640L, "hangup"));
		assertThat(event.contentHash()).isEqualTo("hash-" + original);
		assertThat(event.schemaVersion()).isEqualTo(DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		assertThat(event.receivedAt()).isAfter(receivedAt.plus(Duration.ofHours(1)));
		assertThat(this.jdbc.sql("select app_id is null from webhook_events where id = :id")
			.param("id", original)
			.query(Boolean.class)
			.single()).as("the processor's row is left alone").isTrue();
		assertThat(this.jdbc.sql("""
				select actor || ' ' || (details->>'event_id') from api_key_audit
				where app_id = :app and action = 'event_assigned'
				""").param("app", appId).query(String.class).list()).containsExactly("internal-api " + original);
	}

	@Test
	void assigningAnSmsKeysItByMessageId() {
		UUID appId = api().createApp("sms assignee").appId();
		UUID original = insertEvent(null, "sms", smsPayload(4_598_239_023L), Instant.now(), false, null);

		assertThat(api().post("/internal/events/" + original + "/assign", "{\"app_id\": \"" + appId + "\"}").status())
			.isEqualTo(202);

		ConsumerRecord<String, byte[]> record = republished(original, 1).get(0);
		assertThat(record.key()).isEqualTo("4598239023");
		assertThat(header(record, EventHeaders.EVENT_KIND)).isEqualTo("sms");
	}

	@Test
	void replaysAFailedEventForItsOwnApp() {
		UUID appId = api().createApp("replayed").appId();
		UUID original = insertEvent(appId, "call", callPayload(41, "hangup"), Instant.now(), false, "boom");

		Response response = api().post("/internal/events/" + original + "/replay", null);

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.field("kind")).isEqualTo("call");
		ConsumerRecord<String, byte[]> record = republished(original, 1).get(0);
		DialpadEventReceived event = wireMapper.readValue(record.value(), DialpadEventReceived.class);
		assertThat(event.appId()).isEqualTo(appId.toString());
		assertThat(event.eventId().toString()).isEqualTo(response.field("event_id"));
		assertThat(record.key()).isEqualTo("41");
	}

	@Test
	void refusesBadAssignmentsAndReplaysAndPublishesNothing() {
		UUID appId = api().createApp("refusals").appId();
		UUID unattributed = insertEvent(null, "call", callPayload(51, "hangup"), Instant.now(), false, null);
		UUID attributed = insertEvent(appId, "call", callPayload(52, "hangup"), Instant.now(), false, "boom");
		String assign = "/internal/events/" + unattributed + "/assign";

		assertThat(api().post(assign, "{\"app_id\": \"" + UUID.randomUUID() + "\"}").isProblem(404)).isTrue();
		for (String body : new String[] { "{}", "{\"app_id\": null}", "{\"app_id\": \"nope\"}", "nope", "" }) {
			assertThat(api().post(assign, body).isProblem(400)).as(body).isTrue();
		}
		Response conflict = api().post("/internal/events/" + attributed + "/assign", "{\"app_id\": \"" + appId + "\"}");
		assertThat(conflict.isProblem(409)).isTrue();
		assertThat(conflict.field("type")).isEqualTo("urn:cti:admin:event-attributed");
		Response unattributedReplay = api().post("/internal/events/" + unattributed + "/replay", null);
		assertThat(unattributedReplay.isProblem(409)).isTrue();
		assertThat(unattributedReplay.field("type")).isEqualTo("urn:cti:admin:event-unattributed");
		assertThat(api().post("/internal/events/" + UUID.randomUUID() + "/replay", null).isProblem(404)).isTrue();
		assertThat(api().post("/internal/events/" + UUID.randomUUID() + "/assign", "{\"app_id\": \"" + appId + "\"}")
			.isProblem(404)).isTrue();
		assertThat(api().post("/internal/events/nope/replay", null).isProblem(400)).isTrue();

		// one valid assignment: it must be the only record that names the event
		assertThat(api().post(assign, "{\"app_id\": \"" + appId + "\"}").status()).isEqualTo(202);
		assertThat(republished(unattributed, 1)).hasSize(1);
		assertThat(republished(attributed, 0)).isEmpty();
	}

	@Test
	void rejectsBadListParameters() {
		for (String path : new String[] { "/internal/events/unattributed?limit=0", "/internal/events/failed?limit=501",
				"/internal/events/failed?app_id=nope", "/internal/events/unattributed?cursor=abc",
				"/internal/events/unattributed?include_resolved=maybe" }) {
			assertThat(api().get(path).isProblem(400)).as(path).isTrue();
		}
	}

	private List<String> walk(String path) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			Response page = api().get(path + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach((event) -> ids.add(event.path("event_id").asString()));
			cursor = page.field("next_cursor");
		}
		while (cursor != null);
		return ids;
	}

	/**
	 * The records on the events topic that re-publish the event, once {@code expected} of
	 * them are there (reads the whole topic).
	 */
	private List<ConsumerRecord<String, byte[]>> republished(UUID original, int expected) {
		try (var consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIALPAD_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (original.toString().equals(header(record, EventHeaders.REPLAY_OF))) {
						found.add(record);
					}
				});
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition))
						&& found.size() >= expected;
			});
			return found;
		}
	}

	private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private UUID insertEvent(@Nullable UUID appId, String kind, String payload, Instant receivedAt, boolean processed,
			@Nullable String error) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, app_id, claimed_app_id, kind, content_hash, payload, schema_version,
				    received_at, processed, processing_error)
				values (:id, :app, :claimed, :kind, :hash, :payload, 1, :received, :processed, :error)
				""")
			.param("id", id)
			.param("app", appId)
			.param("claimed", (appId != null) ? appId.toString() : "unknown-app")
			.param("kind", kind)
			.param("hash", "hash-" + id)
			.param("payload", payload)
			.param("received", Timestamp.from(receivedAt))
			.param("processed", processed)
			.param("error", error)
			.update();
		return id;
	}

	private static String callPayload(long callId, String state) {
		return """
				{"call_id": %d, "state": "%s", "event_timestamp": 1700000000000, "direction": "inbound"}"""
			.formatted(callId, state);
	}

	private static String smsPayload(long messageId) {
		return """
				{"id": %d, "from_number": "+15551234567", "to_number": ["+15557654321"], "message_status": "sent"}"""
			.formatted(messageId);
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

}
