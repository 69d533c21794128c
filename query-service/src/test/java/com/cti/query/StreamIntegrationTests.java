package com.cti.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/stream: delivery of every kind of change, in commit order, resume with
 * Last-Event-ID without gap or duplicate, the retention window, heartbeats, and idle
 * streams that hold no database connection.
 */
class StreamIntegrationTests extends ApiIntegrationTest {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void deliversEveryKindOfChangeWithTheResourceAsTheApiRendersIt() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		try (SseClient stream = stream(key, null)) {
			data().insertCall(new CallRow(app, 6400000000000101L, this.now).live("ringing"));
			long call = data().recordChange(app, "call", 6400000000000101L);
			data().insertMessage(app, 7300000000000001L, this.now, "inbound", "+14155559876",
					new String[] { "+14155550101" }, "received");
			long message = data().recordChange(app, "message", 7300000000000001L);
			data().insertVoicemail(app, 6400000000000101L, this.now, "+14155559876", 1L, null, "Call me");
			long voicemail = data().recordChange(app, "voicemail", 6400000000000101L);

			SseClient.Event first = stream.nextEvent();
			SseClient.Event second = stream.nextEvent();
			SseClient.Event third = stream.nextEvent();

			assertThat(List.of(first.idAsLong(), second.idAsLong(), third.idAsLong())).containsExactly(call, message,
					voicemail);
			assertThat(List.of(first.name(), second.name(), third.name())).containsExactly("call", "message",
					"voicemail");
			JsonNode listed = api().get("/api/calls", key).json().get("items").get(0);
			assertThat(first.data()).isEqualTo(listed);
			assertThat(second.data()).isEqualTo(api().get("/api/messages/7300000000000001", key).json());
			assertThat(third.data()).isEqualTo(api().get("/api/voicemails/6400000000000101", key).json());
		}
	}

	@Test
	void tellsWhenAChangedResourceIsGone() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		try (SseClient stream = stream(key, null)) {
			long id = data().recordChange(app, "message", 7300000000000404L);

			SseClient.Event event = stream.nextEvent();

			assertThat(event.idAsLong()).isEqualTo(id);
			assertThat(event.name()).isEqualTo("deleted");
			assertThat(event.data().get("type").asString()).isEqualTo("message");
			assertThat(event.data().get("id").asLong()).isEqualTo(7300000000000404L);
		}
	}

	@Test
	void resumesAfterLastEventIdWithoutGapOrDuplicate() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		UUID other = data().newApp();
		List<Long> ids = new ArrayList<>();
		String lastSeen;
		try (SseClient stream = stream(key, null)) {
			for (int i = 0; i < 3; i++) {
				ids.add(change(app, i));
			}
			stream.nextEvent();
			lastSeen = stream.nextEvent().id();
			assertThat(lastSeen).isEqualTo(ids.get(1).toString());
		}
		for (int i = 3; i < 7; i++) {
			ids.add(change(app, i));
			change(other, i);
		}

		try (SseClient resumed = stream(key, lastSeen)) {
			List<Long> delivered = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				delivered.add(resumed.nextEvent().idAsLong());
			}
			assertThat(delivered).containsExactlyElementsOf(ids.subList(2, 7));
			long live = change(app, 7);
			assertThat(resumed.nextEvent().idAsLong()).isEqualTo(live);
			assertThat(resumed.next(Duration.ofMillis(500))).as("nothing twice, nothing of another app").isNull();
		}
		try (SseClient byParameter = new SseClient(api().uri("/api/stream?last_event_id=" + ids.get(5)), key, null)) {
			byParameter.awaitConnected();
			assertThat(byParameter.nextEvent().idAsLong()).isEqualTo(ids.get(6));
		}
	}

	@Test
	void startsFromNowWithAResetWhenLastEventIdCannotBeHonoured() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		long old = data().recordOldChange(app, "call", 6400000000000101L, Duration.ofHours(25));
		data().insertCall(new CallRow(app, 6400000000000101L, this.now));
		UUID witness = data().newApp();
		try (SseClient settled = stream(data().issueKey(witness), null)) {
			// once another app's later change is delivered, the stream position is past
			// the old one
			assertThat(settled.nextEventAfter(() -> change(witness, 0)).idAsLong()).isGreaterThan(old);
		}

		try (SseClient tooOld = stream(key, Long.toString(old - 1))) {
			SseClient.Event reset = tooOld.nextEvent();
			assertThat(reset.name()).isEqualTo("reset");
			assertThat(reset.data().get("reason").asString()).contains("retention window");
			assertThat(reset.idAsLong()).isGreaterThanOrEqualTo(old);
			long next = change(app, 1);
			assertThat(tooOld.nextEvent().idAsLong()).isEqualTo(next);
		}
		try (SseClient unknown = stream(key, "999999999999")) {
			SseClient.Event reset = unknown.nextEvent();
			assertThat(reset.name()).isEqualTo("reset");
			assertThat(reset.data().get("reason").asString()).contains("not an event of this stream");
		}
	}

	@Test
	void deliversInIdOrderWhenALaterChangeCommitsFirst() throws SQLException {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().insertCall(new CallRow(app, 6400000000000101L, this.now));
		try (SseClient stream = stream(key, null); Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			long first = insertChange(slow, app);
			long second = change(app, 2);
			assertThat(second).isGreaterThan(first);

			assertThat(stream.next(Duration.ofSeconds(1))).as("the later change waits for the earlier one").isNull();
			slow.commit();
			notify(app);

			assertThat(stream.nextEvent().idAsLong()).isEqualTo(first);
			assertThat(stream.nextEvent().idAsLong()).isEqualTo(second);
		}
	}

	@Test
	void skipsAChangeWhoseTransactionRolledBack() throws SQLException {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().insertCall(new CallRow(app, 6400000000000101L, this.now));
		try (SseClient stream = stream(key, null); Connection aborted = this.dataSource.getConnection()) {
			aborted.setAutoCommit(false);
			long lost = insertChange(aborted, app);
			aborted.rollback();
			long kept = change(app, 2);

			SseClient.Event event = stream.nextEvent();

			assertThat(event.idAsLong()).isEqualTo(kept).isGreaterThan(lost);
		}
	}

	@Test
	void sendsHeartbeats() {
		UUID app = data().newApp();
		try (SseClient stream = stream(data().issueKey(app), null)) {
			stream.assertComment("heartbeat", Duration.ofSeconds(10));
		}
	}

	@Test
	void holdsNoDatabaseConnectionWhileStreamsAreIdle() {
		List<SseClient> streams = new ArrayList<>();
		try {
			for (int app = 0; app < 3; app++) {
				String key = data().issueKey(data().newApp());
				for (int i = 0; i < 5; i++) {
					streams.add(stream(key, null));
				}
			}
			var pool = ((HikariDataSource) this.dataSource).getHikariPoolMXBean();
			await().atMost(Duration.ofSeconds(10)).until(() -> pool.getActiveConnections() == 0);
			assertThat(pool.getTotalConnections()).isLessThan(streams.size());
		}
		finally {
			streams.forEach(SseClient::close);
		}
	}

	@Test
	void refusesMoreStreamsThanAnAppMayHold() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		List<SseClient> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				streams.add(stream(key, null));
			}
			assertThat(this.meters.get("cti.query.stream.connections").gauge().value()).isGreaterThanOrEqualTo(5);
			ApiClient.Response refused = api().get("/api/stream", key);
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("detail").asString()).contains("5 streams");
		}
		finally {
			streams.forEach(SseClient::close);
		}
	}

	private SseClient stream(String key, String lastEventId) {
		SseClient client = new SseClient(api().uri("/api/stream"), key, lastEventId);
		assertThat(client.status()).isEqualTo(200);
		return client.awaitConnected();
	}

	/**
	 * A change of a call of the app (inserted when missing), as the processor records it.
	 */
	private long change(UUID app, int n) {
		data().insertCall(new CallRow(app, 6400000000000101L + n, this.now.plusSeconds(n)));
		return data().recordChange(app, "call", 6400000000000101L + n);
	}

	private static long insertChange(Connection connection, UUID app) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into change_events (app_id, type, resource_id) values (?, 'call', 6400000000000101) returning id")) {
			insert.setObject(1, app);
			try (ResultSet rs = insert.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private void notify(UUID app) {
		this.jdbc.sql("select pg_notify('cti_changes', :app)").param("app", app.toString()).query().singleRow();
	}

}
