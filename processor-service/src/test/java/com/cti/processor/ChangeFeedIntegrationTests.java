package com.cti.processor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change feed the query service streams: a {@code change_events} row for every call
 * leg, message or voicemail a batch changes (and none when nothing changed), and a
 * notification on {@code cti_changes} carrying the app id once the rows are committed.
 */
@ProcessorIntegrationTest
class ChangeFeedIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	TestData data;

	UUID app;

	@BeforeEach
	void setUp() {
		this.data = new TestData(this.jdbc);
		this.app = this.data.newApp();
	}

	@Test
	void recordsEveryChangedLegAndNothingWhenNothingChanged() {
		List<JsonNode> events = Fixtures.events("call-answered-two-legs.json");
		this.sender.sendEvents(this.app.toString(), events);
		awaitProcessed(events.size());
		List<Change> changes = changes();
		assertThat(changes).extracting(Change::resource).containsOnly("call:6400000000000101", "call:6400000000000102");
		assertThat(changes).extracting(Change::id).isSorted();

		// redeliveries, then for each leg an older event that adds nothing
		this.sender.sendEvents(this.app.toString(), events);
		this.sender.sendEvents(this.app.toString(), List.of(olderCopy(events.get(0)), olderCopy(events.get(2))));

		awaitProcessed(events.size() + 2);
		assertThat(changes()).isEqualTo(changes);
	}

	@Test
	void recordsVoicemailsAndMessages() {
		List<JsonNode> events = new ArrayList<>(Fixtures.events("call-voicemail.json"));
		events.addAll(Fixtures.events("sms.json"));
		this.sender.sendEvents(this.app.toString(), events);

		awaitProcessed(events.size());
		assertThat(changes()).extracting(Change::resource)
			.containsOnly("call:6400000000000201", "voicemail:6400000000000201", "message:6500000000000001",
					"message:6500000000000002");
	}

	@Test
	void notifiesTheAppOnceItsChangesAreCommitted() throws Exception {
		try (Connection listener = DriverManager.getConnection(this.databaseUrl, "postgres", "")) {
			try (Statement statement = listener.createStatement()) {
				statement.execute("listen cti_changes");
			}
			this.sender.sendEvents(this.app.toString(), Fixtures.events("sms.json"));

			List<String> payloads = new ArrayList<>();
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(200);
				if (notifications != null) {
					for (PGNotification notification : notifications) {
						payloads.add(notification.getParameter());
					}
				}
				return payloads.contains(this.app.toString());
			});
			assertThat(changes()).isNotEmpty();
		}
	}

	private ObjectNode olderCopy(JsonNode event) {
		ObjectNode copy = (ObjectNode) event.deepCopy();
		copy.put("event_timestamp", event.get("event_timestamp").asLong() - 1);
		return copy;
	}

	private List<Change> changes() {
		return this.jdbc.sql("select id, type, resource_id from change_events where app_id = :app order by id")
			.param("app", this.app)
			.query((rs, row) -> new Change(rs.getLong("id"), rs.getString("type") + ":" + rs.getLong("resource_id")))
			.list();
	}

	private void awaitProcessed(int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == count);
	}

	record Change(long id, String resource) {
	}

}
