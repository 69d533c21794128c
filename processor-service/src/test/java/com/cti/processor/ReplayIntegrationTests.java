package com.cti.processor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unattributed events are parked, not dropped; once the admin service re-publishes one
 * with the app assigned and the original's id in {@code cti-replay-of}, it is applied and
 * its original marked resolved in the same transaction.
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
			this.sender.send(assigned(event, UUID.randomUUID()),
					Map.of(EventHeaders.REPLAY_OF, event.eventId().toString()));
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
				this.sender.send(assigned(event, event.eventId()),
						Map.of(EventHeaders.REPLAY_OF, event.eventId().toString()));
			}
		}

		await().atMost(Duration.ofSeconds(15))
			.until(() -> parked.stream().allMatch((event) -> row(event.eventId()).get("resolved_at") != null));
		assertThat(this.data.processedEvents(this.app)).isEqualTo(events.size());
		assertThat(this.data.call(this.app, 6400000000000301L).get("duration_ms")).isEqualTo(40000L);
	}

	/** The event as the admin service re-publishes it: assigned to the app. */
	private DialpadEventReceived assigned(DialpadEventReceived event, UUID eventId) {
		return new DialpadEventReceived(eventId, this.app.toString(), event.kind(), event.receivedAt(), event.payload(),
				event.contentHash(), event.schemaVersion());
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
