package com.cti.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.cti.model.AssignEvent;
import com.cti.model.DialpadEventReceived;
import com.cti.model.ReplayEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unattributed events are parked, not dropped; once the admin service's command assigns
 * one to an app, its copy is applied and its original marked resolved in the same
 * transaction. A command the processor cannot carry out changes nothing and does not hold
 * up the commands after it.
 */
@ProcessorIntegrationTest
class ReplayIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	TestData data;

	UUID app;

	@BeforeEach
	void setUp() {
		this.data = new TestData(this.jdbc);
		this.app = this.data.newApp();
		this.data.newApp();
	}

	@Test
	void parksAnEventForAnUnknownAppAndAppliesItOnceAssigned() {
		String unknownApp = UUID.randomUUID().toString();
		List<JsonNode> events = Fixtures.events("call-missed.json");
		List<DialpadEventReceived> parked = this.sender.sendEvents(unknownApp, events);
		await().atMost(Duration.ofSeconds(15)).until(() -> parkedRows(unknownApp) == events.size());
		assertThat(this.data.rows("calls", "call_id", this.app)).isEmpty();
		Map<String, Object> original = row(parked.get(0).eventId());
		assertThat(original.get("app_id")).isNull();
		assertThat(original.get("processed")).isEqualTo(false);
		assertThat(original.get("processing_error")).isNull();

		for (DialpadEventReceived event : parked) {
			this.sender.sendCommand(assign(event, UUID.randomUUID()));
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == events.size());
		Map<String, Object> leg = this.data.call(this.app, 6400000000000401L);
		assertThat(leg.get("state")).isEqualTo("hangup");
		assertThat(leg.get("missed")).isEqualTo(true);
		for (DialpadEventReceived event : parked) {
			Map<String, Object> resolved = row(event.eventId());
			assertThat(resolved.get("processed")).isEqualTo(true);
			assertThat(resolved.get("resolved_at")).isNotNull();
			UUID appliedId = (UUID) resolved.get("resolved_by");
			assertThat(row(appliedId).get("app_id")).isEqualTo(this.app);
			assertThat(row(appliedId).get("content_hash")).isEqualTo(event.contentHash());
		}
	}

	@Test
	void appliesAReplayThatKeepsTheOriginalEventIdAndIgnoresItsRedelivery() {
		List<JsonNode> events = Fixtures.events("call-outbound.json");
		List<DialpadEventReceived> parked = this.sender.sendEvents(null, events);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> parked.stream().allMatch((event) -> rowExists(event.eventId())));
		assertThat(row(parked.get(0).eventId()).get("app_id")).as("unattributed while several apps exist").isNull();

		for (int delivery = 0; delivery < 2; delivery++) {
			for (DialpadEventReceived event : parked) {
				this.sender.sendCommand(assign(event, event.eventId()));
			}
		}

		await().atMost(Duration.ofSeconds(15))
			.until(() -> parked.stream().allMatch((event) -> row(event.eventId()).get("resolved_at") != null));
		assertThat(this.data.processedEvents(this.app)).isEqualTo(events.size());
		assertThat(this.data.call(this.app, 6400000000000301L).get("duration_ms")).isEqualTo(40000L);
	}

	@Test
	void aReplayOfAFailedEventWhoseContentTheLogHoldsAddsNothing() {
		DialpadEventReceived failed = TestEvents.envelope(this.app.toString(),
				Fixtures.json.readTree("{\"call_id\": \"not a number\", \"state\": \"hangup\"}"));
		this.sender.send(List.of(failed));
		await().atMost(Duration.ofSeconds(15)).until(() -> rowExists(failed.eventId()));
		Map<String, Object> before = row(failed.eventId());
		assertThat(before.get("processing_error")).isEqualTo("call event without a numeric call_id");
		int rows = rowsOf(this.app);

		this.sender.sendCommand(
				new ReplayEvent(failed.eventId(), UUID.randomUUID(), this.app.toString(), Instant.now(), "test"));
		appliedAfterwards();

		assertThat(row(failed.eventId())).as("its copy is the same event: the log holds it once per app")
			.isEqualTo(before);
		assertThat(rowsOf(this.app)).isEqualTo(rows);
	}

	@Test
	void replaysAnEventOfTheAppAsTheSameEvent() {
		List<DialpadEventReceived> sent = this.sender.sendEvents(this.app.toString(),
				Fixtures.events("call-missed.json"));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == sent.size());
		Map<Object, Map<String, Object>> calls = this.data.comparable("calls", "call_id", this.app);

		this.sender.sendCommand(
				new ReplayEvent(sent.get(0).eventId(), UUID.randomUUID(), this.app.toString(), Instant.now(), "test"));
		appliedAfterwards();

		assertThat(this.data.processedEvents(this.app)).isEqualTo(sent.size());
		assertThat(this.data.comparable("calls", "call_id", this.app)).isEqualTo(calls);
		assertThat(row(sent.get(0).eventId()).get("resolved_at")).isNull();
	}

	@Test
	void refusesCommandsItCannotCarryOutAndChangesNothing() {
		UUID purged = this.data.newApp();
		this.jdbc.sql("update apps set purge_requested_at = now() where id = :id").param("id", purged).update();
		List<DialpadEventReceived> parked = this.sender.sendEvents(UUID.randomUUID().toString(), List.of(newCall()));
		List<DialpadEventReceived> attributed = this.sender.sendEvents(this.app.toString(),
				Fixtures.events("call-outbound.json"));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> rowExists(parked.get(0).eventId()) && rowExists(attributed.get(0).eventId()));
		UUID other = this.data.newApp();
		Map<String, Object> parkedBefore = row(parked.get(0).eventId());
		Map<String, Object> attributedBefore = row(attributed.get(0).eventId());
		int appRows = rowsOf(this.app);

		// the original gone, an app that does not exist or is purged, an event with an
		// app
		this.sender.sendCommand(
				new AssignEvent(UUID.randomUUID(), UUID.randomUUID(), this.app.toString(), Instant.now(), "test"));
		this.sender.sendCommand(
				new ReplayEvent(UUID.randomUUID(), UUID.randomUUID(), this.app.toString(), Instant.now(), "test"));
		this.sender.sendCommand(assignTo(parked.get(0), UUID.randomUUID()));
		this.sender.sendCommand(assignTo(parked.get(0), purged));
		this.sender.sendCommand(assignTo(attributed.get(0), other));
		this.sender.sendCommand(new ReplayEvent(attributed.get(0).eventId(), UUID.randomUUID(), other.toString(),
				Instant.now(), "test"));
		this.sender.sendCommand(new ReplayEvent(parked.get(0).eventId(), UUID.randomUUID(), this.app.toString(),
				Instant.now(), "test"));
		this.sender.sendRawCommand(this.app.toString(), "{\"command\":\"reticulate_splines\"}");
		appliedAfterwards();

		assertThat(row(parked.get(0).eventId())).isEqualTo(parkedBefore);
		assertThat(row(attributed.get(0).eventId())).isEqualTo(attributedBefore);
		assertThat(rowsOf(this.app)).isEqualTo(appRows);
		assertThat(rowsOf(purged)).isZero();
		assertThat(rowsOf(other)).isZero();
	}

	@Test
	void stillPurgesOnACommandWrittenBeforeThereWereSeveral() {
		UUID doomed = this.data.newApp();
		this.sender.sendEvents(doomed.toString(), Fixtures.events("call-missed.json"));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(doomed) > 0);
		this.jdbc.sql("update apps set enabled = false, purge_requested_at = now() where id = :id")
			.param("id", doomed)
			.update();

		// camelCase, as spring-kafka's default mapper wrote it, and without a command
		// field
		this.sender.sendRawCommand(doomed.toString(), """
				{"appId":"%s","requestedAt":"2026-11-26T10:00:00Z","requestedBy":"admin"}""".formatted(doomed));

		await().atMost(Duration.ofSeconds(15)).until(() -> rowsOf(doomed) == 0);
	}

	/** The command as the admin service sends it: the event assigned to the app. */
	private AssignEvent assign(DialpadEventReceived event, UUID newEventId) {
		return new AssignEvent(event.eventId(), newEventId, this.app.toString(), Instant.now(), "test");
	}

	private static AssignEvent assignTo(DialpadEventReceived event, UUID appId) {
		return new AssignEvent(event.eventId(), UUID.randomUUID(), appId.toString(), Instant.now(), "test");
	}

	/**
	 * Assigns a parked event of its own and waits until it is applied: the commands are
	 * read in order (one partition), so every command sent before it was carried out or
	 * refused by then.
	 */
	private void appliedAfterwards() {
		UUID marker = this.data.newApp();
		List<DialpadEventReceived> parked = this.sender.sendEvents(UUID.randomUUID().toString(), List.of(newCall()));
		await().atMost(Duration.ofSeconds(15)).until(() -> rowExists(parked.get(0).eventId()));
		this.sender.sendCommand(assignTo(parked.get(0), marker));
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(marker) == 1);
	}

	/** A call event of its own (a call id no other test uses), so never a duplicate. */
	private static JsonNode newCall() {
		ObjectNode event = (ObjectNode) Fixtures.events("call-missed.json").get(0).deepCopy();
		return event.put("call_id", ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
	}

	private int rowsOf(UUID app) {
		return this.jdbc.sql("select count(*) from webhook_events where app_id = :app")
			.param("app", app)
			.query(Integer.class)
			.single();
	}

	private int parkedRows(String claimedAppId) {
		return this.jdbc
			.sql("select count(*) from webhook_events where claimed_app_id = :claimed and app_id is null"
					+ " and not processed")
			.param("claimed", claimedAppId)
			.query(Integer.class)
			.single();
	}

	private boolean rowExists(UUID id) {
		return this.jdbc.sql("select count(*) from webhook_events where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() == 1;
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("""
				select app_id, content_hash, processed, processing_error, resolved_by, resolved_at
				from webhook_events where id = :id
				""").param("id", id).query().singleRow();
	}

}
