package com.cti.admin.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminIntegrationTest;
import com.cti.model.AppCommand;
import com.cti.model.AssignEvent;
import com.cti.model.ReplayEvent;
import com.cti.model.Topics;
import com.cti.model.WireJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class ParkedEventsIntegrationTests {

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
	void assigningSendsTheProcessorACommandKeyedByTheApp() {
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
		assertThat(response.field("kind")).isEqualTo("call");
		UUID newId = UUID.fromString(response.field("event_id"));
		assertThat(newId).isNotEqualTo(original);
		ConsumerRecord<String, String> record = commandsFor(original).get(0);
		assertThat(record.key()).isEqualTo(appId.toString());
		assertThat(record.value()).startsWith("{\"command\":\"assign_event\",");
		AssignEvent command = (AssignEvent) WireJson.mapper().readValue(record.value(), AppCommand.class);
		assertThat(command.eventId()).isEqualTo(original);
		assertThat(command.newEventId()).isEqualTo(newId);
		assertThat(command.appId()).isEqualTo(appId.toString());
		assertThat(command.requestedBy()).isEqualTo("internal-api");
		assertThat(command.requestedAt()).isAfter(receivedAt.plus(Duration.ofHours(1)));
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
	void assigningAnSmsAnswersItsKind() {
		UUID appId = api().createApp("sms assignee").appId();
		UUID original = insertEvent(null, "sms", smsPayload(4_598_239_023L), Instant.now(), false, null);

		Response response = api().post("/internal/events/" + original + "/assign", "{\"app_id\": \"" + appId + "\"}");

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.field("kind")).isEqualTo("sms");
		assertThat(commandsFor(original)).singleElement().extracting(ConsumerRecord::key).isEqualTo(appId.toString());
	}

	@Test
	void replaysAFailedEventForItsOwnApp() {
		UUID appId = api().createApp("replayed").appId();
		UUID original = insertEvent(appId, "call", callPayload(41, "hangup"), Instant.now(), false, "boom");

		Response response = api().withHeader("X-Actor", "erin").post("/internal/events/" + original + "/replay", null);

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.field("kind")).isEqualTo("call");
		ConsumerRecord<String, String> record = commandsFor(original).get(0);
		assertThat(record.key()).isEqualTo(appId.toString());
		ReplayEvent command = (ReplayEvent) WireJson.mapper().readValue(record.value(), AppCommand.class);
		assertThat(command.appId()).isEqualTo(appId.toString());
		assertThat(command.newEventId().toString()).isEqualTo(response.field("event_id"));
		assertThat(command.requestedBy()).isEqualTo("erin");
		assertThat(this.jdbc.sql("select count(*) from api_key_audit where app_id = :app and action = 'event_replayed'")
			.param("app", appId)
			.query(Integer.class)
			.single()).isEqualTo(1);
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
		assertThat(commandsFor(unattributed)).hasSize(1);
		assertThat(commandsFor(attributed)).isEmpty();
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
	 * The replay and assign commands on the app commands topic that name the event as
	 * their original (reads the whole topic).
	 */
	private List<ConsumerRecord<String, String>> commandsFor(UUID original) {
		return TopicReader.readAll(this.brokers, Topics.APP_COMMANDS).stream().filter((record) -> {
			AppCommand command = WireJson.mapper().readValue(record.value(), AppCommand.class);
			return (command instanceof AssignEvent assign && assign.eventId().equals(original))
					|| (command instanceof ReplayEvent replay && replay.eventId().equals(original));
		}).toList();
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
