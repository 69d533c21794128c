package com.cti.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cti.processor.TestData.instant;
import static com.cti.processor.TestData.ms;
import static com.cti.processor.TestData.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each fixture through the broker into its rows, asserted field by field: calls (with
 * their active state along the lifecycle and their conversations), voicemails, messages,
 * and the events that are only kept in the log.
 */
@ProcessorIntegrationTest
class FixtureProjectionIntegrationTests {

	private static final long DANA = 5600000000000042L;

	private static final long CHRIS = 5700000000000009L;

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
	}

	@Test
	void projectsAMissedCall() {
		send("call-missed.json");

		Map<String, Object> leg = this.data.call(this.app, 6400000000000401L);
		assertThat(leg.get("direction")).isEqualTo("inbound");
		assertThat(leg.get("state")).isEqualTo("hangup");
		assertThat(leg.get("external_number")).isEqualTo("+14155559876");
		assertThat(leg.get("internal_number")).isEqualTo("+14155550101");
		assertThat(instant(leg, "started_at")).isEqualTo(ms(1764169200000L));
		assertThat(instant(leg, "rang_at")).isEqualTo(ms(1764169200200L));
		assertThat(instant(leg, "connected_at")).isNull();
		assertThat(instant(leg, "ended_at")).isEqualTo(ms(1764169225000L));
		assertThat(leg.get("duration_ms")).isNull();
		assertThat(leg.get("total_duration_ms")).isEqualTo(25000L);
		assertThat(leg.get("missed")).isEqualTo(true);
		assertThat(leg.get("answered")).isEqualTo(false);
		assertThat(leg.get("has_voicemail")).isEqualTo(false);
		assertThat(leg.get("is_active")).isEqualTo(false);
		assertThat(leg.get("target_type")).isEqualTo("department");
		assertThat(leg.get("dialpad_user_id")).isNull();
		assertThat(leg.get("conversation_id")).isEqualTo(6400000000000401L);
		assertThat(leg.get("event_timestamp")).isEqualTo(1764169225100L);
		assertThat(this.data.rows("voicemails", "call_id", this.app)).isEmpty();
	}

	@Test
	void projectsAnOutboundCall() throws Exception {
		send("call-outbound.json");

		Map<String, Object> leg = this.data.call(this.app, 6400000000000301L);
		assertThat(leg.get("direction")).isEqualTo("outbound");
		assertThat(leg.get("state")).isEqualTo("hangup");
		assertThat(leg.get("external_number")).isEqualTo("+14155559876");
		assertThat(leg.get("internal_number")).isEqualTo("+14155550142");
		assertThat(instant(leg, "started_at")).isEqualTo(ms(1764165600000L));
		assertThat(instant(leg, "rang_at")).isEqualTo(ms(1764165600900L));
		assertThat(instant(leg, "connected_at")).isEqualTo(ms(1764165609000L));
		assertThat(instant(leg, "ended_at")).isEqualTo(ms(1764165649000L));
		assertThat(leg.get("duration_ms")).isEqualTo(40000L);
		assertThat(leg.get("total_duration_ms")).isEqualTo(49000L);
		assertThat(leg.get("talk_time_ms")).isEqualTo(40000L);
		assertThat(leg.get("answered")).isEqualTo(true);
		assertThat(leg.get("missed")).isEqualTo(false);
		assertThat(leg.get("is_active")).isEqualTo(false);
		assertThat(leg.get("dialpad_user_id")).isEqualTo(DANA);
		assertThat(leg.get("contact_id")).isEqualTo(CHRIS);
		assertThat(texts(leg, "states_seen")).containsExactly("calling", "connected", "hangup", "ringing");
	}

	@Test
	void projectsAVoicemailAndItsCall() {
		send("call-voicemail.json");

		Map<String, Object> leg = this.data.call(this.app, 6400000000000201L);
		assertThat(leg.get("state")).isEqualTo("transcription");
		assertThat(leg.get("has_voicemail")).isEqualTo(true);
		assertThat(leg.get("missed")).isEqualTo(false);
		assertThat(leg.get("answered")).isEqualTo(false);
		assertThat(leg.get("is_active")).isEqualTo(false);
		assertThat(leg.get("voicemail_link")).isEqualTo("https://dialpad.com/blob/voicemail/7200000000000001");
		assertThat(instant(leg, "voicemail_started_at")).isEqualTo(ms(1764162030500L));
		Map<Object, Map<String, Object>> voicemails = this.data.rows("voicemails", "call_id", this.app);
		assertThat(voicemails).containsOnlyKeys(6400000000000201L);
		Map<String, Object> voicemail = voicemails.get(6400000000000201L);
		assertThat(voicemail.get("recording_id")).isEqualTo(7200000000000001L);
		assertThat(voicemail.get("caller_number")).isEqualTo("+14155559876");
		assertThat(voicemail.get("contact_id")).isEqualTo(CHRIS);
		assertThat(voicemail.get("contact_name")).isEqualTo("Chris Caller");
		assertThat(voicemail.get("target_id")).isEqualTo(DANA);
		assertThat(voicemail.get("target_type")).isEqualTo("user");
		assertThat(voicemail.get("target_name")).isEqualTo("Dana Agent");
		assertThat(voicemail.get("dialpad_user_id")).isEqualTo(DANA);
		assertThat(voicemail.get("link")).isEqualTo("https://dialpad.com/blob/voicemail/7200000000000001");
		assertThat(voicemail.get("duration_ms")).isEqualTo(31300L);
		assertThat(voicemail.get("transcription_text"))
			.isEqualTo("Hi Dana, it's Chris, please call me back about my order.");
		assertThat(instant(voicemail, "created_at")).isEqualTo(ms(1764162030500L));
		assertThat(voicemail.get("event_timestamp")).isEqualTo(1764162095000L);
	}

	@Test
	void projectsMessagesWithTheirMostAdvancedStatus() throws Exception {
		send("sms.json");

		Map<Object, Map<String, Object>> messages = this.data.rows("messages", "message_id", this.app);
		assertThat(messages).containsOnlyKeys(6500000000000001L, 6500000000000002L);
		Map<String, Object> inbound = messages.get(6500000000000001L);
		assertThat(inbound.get("direction")).isEqualTo("inbound");
		assertThat(inbound.get("from_number")).isEqualTo("+14155559876");
		assertThat(texts(inbound, "to_numbers")).containsExactly("+14155550142");
		assertThat(inbound.get("text")).isEqualTo("Is my refund done?");
		assertThat(inbound.get("mms")).isEqualTo(false);
		assertThat(inbound.get("mms_url")).isNull();
		assertThat(inbound.get("is_internal")).isEqualTo(false);
		assertThat(inbound.get("sender_id")).isNull();
		assertThat(inbound.get("target_id")).isEqualTo(DANA);
		assertThat(inbound.get("target_type")).isEqualTo("user");
		assertThat(inbound.get("target_name")).isEqualTo("Dana Agent");
		assertThat(inbound.get("target_phone")).isEqualTo("+14155550142");
		assertThat(inbound.get("contact_id")).isEqualTo(CHRIS);
		assertThat(inbound.get("contact_name")).isEqualTo("Chris Caller");
		assertThat(inbound.get("contact_phone")).isEqualTo("+14155559876");
		assertThat(inbound.get("status")).isEqualTo("pending");
		assertThat(inbound.get("delivery_result")).isNull();
		assertThat(instant(inbound, "created_at")).isEqualTo(ms(1764178400000L));
		assertThat(inbound.get("event_timestamp")).isEqualTo(1764178400400L);
		Map<String, Object> outbound = messages.get(6500000000000002L);
		assertThat(outbound.get("direction")).isEqualTo("outbound");
		assertThat(outbound.get("from_number")).isEqualTo("+14155550142");
		assertThat(texts(outbound, "to_numbers")).containsExactly("+14155559876");
		assertThat(outbound.get("text")).isEqualTo("Yes, it was issued today.");
		assertThat(outbound.get("sender_id")).isEqualTo(DANA);
		assertThat(outbound.get("status")).isEqualTo("delivered");
		assertThat(outbound.get("delivery_result")).isEqualTo("accepted");
		assertThat(instant(outbound, "created_at")).isEqualTo(ms(1764178459800L));
		assertThat(outbound.get("event_timestamp")).isEqualTo(1764178463000L);
		assertThat(TestData.json(outbound, "raw_payload")).isEqualTo(Fixtures.events("sms.json").get(3));
	}

	@Test
	void ignoresALatePendingAfterDelivered() {
		send("sms.json");
		ObjectNode latePending = (ObjectNode) Fixtures.events("sms.json").get(1).deepCopy();
		latePending.put("event_timestamp", 1764178460500L);
		this.sender.sendEvents(this.app.toString(), List.of(latePending));

		awaitProcessed(5);
		Map<String, Object> outbound = this.data.rows("messages", "message_id", this.app).get(6500000000000002L);
		assertThat(outbound.get("status")).isEqualTo("delivered");
		assertThat(outbound.get("event_timestamp")).isEqualTo(1764178463000L);
	}

	@Test
	void keepsContactAgentStatusAndChangeLogEventsInTheLogOnly() {
		send("other-events.json");

		List<String> kinds = this.jdbc
			.sql("select kind from webhook_events where app_id = :app and processed and processing_error is null"
					+ " order by kind")
			.param("app", this.app)
			.query(String.class)
			.list();
		assertThat(kinds).containsExactly("agent_status", "changelog", "contact");
		assertThat(this.data.rows("calls", "call_id", this.app)).isEmpty();
		assertThat(this.data.rows("messages", "message_id", this.app)).isEmpty();
	}

	@Test
	void tracksTheActiveStateAcrossTheLifecycle() {
		List<JsonNode> events = Fixtures.events("call-answered-two-legs.json");
		boolean[][] expected = { { true, false }, { true, false }, { true, true }, { true, true }, { true, true },
				{ true, true }, { true, true }, { true, false }, { false, false }, { false, false }, { false, false },
				{ false, false } };
		for (int i = 0; i < events.size(); i++) {
			this.sender.sendEvents(this.app.toString(), List.of(events.get(i)));
			awaitProcessed(i + 1);
			assertThat(active(6400000000000101L)).as("department leg after event %d", i).isEqualTo(expected[i][0]);
			assertThat(active(6400000000000102L)).as("agent leg after event %d", i).isEqualTo(expected[i][1]);
		}
		ObjectNode lateRinging = (ObjectNode) events.get(2).deepCopy();
		lateRinging.put("event_timestamp", 1764158400700L);
		this.sender.sendEvents(this.app.toString(), List.of(lateRinging));
		awaitProcessed(events.size() + 1);
		assertThat(active(6400000000000102L)).isFalse();
		assertThat(this.data.call(this.app, 6400000000000102L).get("state")).isEqualTo("recap_summary");
	}

	@Test
	void groupsLegsIntoOneConversationWhicheverLinkArrivesFirst() {
		List<JsonNode> events = new ArrayList<>(Fixtures.events("call-answered-two-legs.json"));
		Collections.reverse(events);
		this.sender.sendEvents(this.app.toString(), events);
		// a third leg that only names the agent leg as its master, sent last
		ObjectNode third = (ObjectNode) events.get(0).deepCopy();
		third.put("call_id", 6400000000000100L).put("state", "ringing").put("master_call_id", 6400000000000102L);
		third.putNull("entry_point_call_id");
		this.sender.sendEvents(this.app.toString(), List.of(third));

		awaitProcessed(events.size() + 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("select call_id, conversation_id from calls where app_id = :app order by call_id")
						.param("app", this.app)
						.query((rs, row) -> rs.getLong(2))
						.list())
				.containsExactly(6400000000000100L, 6400000000000100L, 6400000000000100L));
	}

	private boolean active(long callId) {
		Map<String, Object> leg = this.data.rows("calls", "call_id", this.app).get(callId);
		return leg != null && (boolean) leg.get("is_active");
	}

	private void send(String fixture) {
		List<JsonNode> events = Fixtures.events(fixture);
		this.sender.sendEvents(this.app.toString(), events);
		awaitProcessed(events.size());
	}

	private void awaitProcessed(int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == count);
	}

}
