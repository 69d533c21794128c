package com.cti.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint answers with the documented shape.
 */
class EndpointsIntegrationTests extends ApiIntegrationTest {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void showsOneLegWithItsTimelineAndLinkedLegs() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant start = this.now.minusSeconds(120);
		data().insertCall(new CallRow(app, 6400000000000101L, start).target(5500000000000001L, "department")
			.links(6400000000000101L, null, null, 6400000000000102L));
		data().insertCall(new CallRow(app, 6400000000000102L, start.plusSeconds(3)).user(5500000000000777L, null)
			.links(6400000000000101L, null, 6400000000000101L, null));
		data().mapUser(app, 5500000000000777L, "agent-42");
		this.jdbc
			.sql("""
					update calls set labels = cast('["sales"]' as jsonb), recording_details = cast(
					    '[{"id": 1, "url": "https://dialpad.com/r/1", "duration": 55000, "recording_type": "callrecording"}]'
					    as jsonb) where app_id = :app and call_id = 6400000000000102
					""")
			.param("app", app)
			.update();
		data().insertCallEvent(app, 6400000000000102L, "ringing", start.plusSeconds(3).toEpochMilli());
		data().insertCallEvent(app, 6400000000000102L, "connected", start.plusSeconds(8).toEpochMilli());
		data().insertCallEvent(app, 6400000000000102L, "hangup", start.plusSeconds(68).toEpochMilli());

		ApiClient.Response response = api().get("/api/calls/6400000000000102", key);

		assertThat(response.status()).isEqualTo(200);
		JsonNode call = response.json();
		assertThat(call.get("call_id").asLong()).isEqualTo(6400000000000102L);
		assertThat(call.get("conversation_id").asLong()).isEqualTo(6400000000000101L);
		assertThat(call.get("client_user_id").asString()).isEqualTo("agent-42");
		assertThat(call.get("duration_ms").asLong()).isEqualTo(60_000);
		assertThat(call.get("duration_seconds").asDouble()).isEqualTo(60.0);
		assertThat(call.get("target").get("type").asString()).isEqualTo("user");
		assertThat(call.get("labels").get(0).asString()).isEqualTo("sales");
		assertThat(call.at("/recording_details/0/duration").asLong()).isEqualTo(55000);
		assertThat(call.get("timeline").findValuesAsString("state")).containsExactly("ringing", "connected", "hangup");
		assertThat(call.at("/timeline/1/at").asString()).isEqualTo(start.plusSeconds(8).toString());
		assertThat(call.at("/timeline/1/at_ms").asLong()).isEqualTo(start.plusSeconds(8).toEpochMilli());
		assertThat(call.get("linked_legs").findValues("call_id")).extracting(JsonNode::asLong)
			.containsExactly(6400000000000101L);
	}

	@Test
	void answers404ForALegTheAppDoesNotHave() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		UUID other = data().newApp();
		data().insertCall(new CallRow(other, 6400000000000111L, this.now));

		ApiClient.Response response = api().get("/api/calls/6400000000000111", key);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("6400000000000111");
	}

	@Test
	void groupsLegsIntoConversations() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant first = this.now.minusSeconds(600);
		data().insertCall(new CallRow(app, 6400000000000201L, first).missed());
		data().insertCall(new CallRow(app, 6400000000000301L, first.plusSeconds(300)).target(1L, "department")
			.missed()
			.links(6400000000000301L, null, null, null));
		data().insertCall(new CallRow(app, 6400000000000302L, first.plusSeconds(302)).user(5500000000000777L, null)
			.links(6400000000000301L, null, 6400000000000301L, null));
		data().mapUser(app, 5500000000000777L, "agent-42");

		JsonNode page = api().get("/api/conversations", key).json();

		assertThat(ids(page, "conversation_id")).containsExactly(6400000000000301L, 6400000000000201L);
		JsonNode answered = page.at("/items/0");
		assertThat(answered.get("leg_count").asInt()).isEqualTo(2);
		assertThat(answered.get("answered").asBoolean()).isTrue();
		assertThat(answered.get("missed").asBoolean()).isFalse();
		assertThat(answered.get("answered_by").get(0).asString()).isEqualTo("agent-42");
		assertThat(answered.get("started_at").asString()).isEqualTo(first.plusSeconds(300).toString());
		assertThat(answered.get("ended_at").asString()).isEqualTo(first.plusSeconds(367).toString());
		assertThat(answered.get("duration_seconds").asDouble()).isEqualTo(67.0);
		assertThat(ids(answered.get("legs"), "call_id")).containsExactly(6400000000000301L, 6400000000000302L);
		assertThat(page.at("/items/1/missed").asBoolean()).isTrue();

		JsonNode byLeg = api().get("/api/conversations/6400000000000302", key).json();
		assertThat(byLeg.get("conversation_id").asLong()).isEqualTo(6400000000000301L);
		assertThat(byLeg.get("leg_count").asInt()).isEqualTo(2);
		assertThat(api().get("/api/conversations/6400000000000999", key).status()).isEqualTo(404);
	}

	@Test
	void listsLiveCallsOnly() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().insertCall(new CallRow(app, 6400000000000401L, this.now.minusSeconds(30)).live("ringing"));
		data().insertCall(new CallRow(app, 6400000000000402L, this.now.minusSeconds(60)));

		JsonNode page = api().get("/api/calls/active", key).json();

		assertThat(CallsIntegrationTests.callIds(page)).containsExactly(6400000000000401L);
		assertThat(page.at("/items/0/is_active").asBoolean()).isTrue();
		assertThat(page.at("/items/0/ended_at").isNull()).isTrue();
	}

	@Test
	void listsAndShowsMessages() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().insertMessage(app, 7300000000000001L, this.now.minusSeconds(20), "outbound", "+14155550101",
				new String[] { "+14155559876" }, "delivered");
		data().insertMessage(app, 7300000000000002L, this.now.minusSeconds(10), "inbound", "+14155559876",
				new String[] { "+14155550101" }, "received");

		JsonNode page = api().get("/api/messages", key).json();

		assertThat(ids(page, "message_id")).containsExactly(7300000000000002L, 7300000000000001L);
		JsonNode message = api().get("/api/messages/7300000000000001", key).json();
		assertThat(message.get("direction").asString()).isEqualTo("outbound");
		assertThat(message.get("to_numbers").get(0).asString()).isEqualTo("+14155559876");
		assertThat(message.get("status").asString()).isEqualTo("delivered");
		assertThat(message.get("created_at_ms").asLong()).isEqualTo(this.now.minusSeconds(20).toEpochMilli());
		assertThat(message.at("/contact/name").asString()).isEqualTo("Chris Caller");
		assertThat(api().get("/api/messages/7300000000000003", key).status()).isEqualTo(404);
	}

	@Test
	void listsAndShowsVoicemails() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().mapUser(app, 5500000000000777L, "agent-42");
		data().insertVoicemail(app, 6400000000000501L, this.now.minusSeconds(50), "+14155559876", 5500000000000777L,
				5500000000000777L, "Please call me back.");
		data().insertVoicemail(app, 6400000000000502L, this.now.minusSeconds(40), "+14155559000", 5500000000000777L,
				null, null);

		JsonNode page = api().get("/api/voicemails", key).json();

		assertThat(ids(page, "call_id")).containsExactly(6400000000000502L, 6400000000000501L);
		JsonNode voicemail = api().get("/api/voicemails/6400000000000501", key).json();
		assertThat(voicemail.get("client_user_id").asString()).isEqualTo("agent-42");
		assertThat(voicemail.get("has_transcription").asBoolean()).isTrue();
		assertThat(voicemail.get("duration_seconds").asDouble()).isEqualTo(21.0);
		assertThat(voicemail.get("link").asString()).endsWith("6400000000000501");
		assertThat(api().get("/api/voicemails/6400000000000503", key).status()).isEqualTo(404);
	}

	@Test
	void streamsAChangeWithTheResourceAsTheApiRendersIt() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		try (SseClient stream = new SseClient(api().uri("/api/stream"), key, null).awaitConnected()) {
			assertThat(stream.contentType()).startsWith("text/event-stream");
			data().insertCall(new CallRow(app, 6400000000000601L, this.now).live("ringing"));
			long id = data().recordChange(app, "call", 6400000000000601L);

			SseClient.Event event = stream.nextEvent();

			assertThat(event.id()).isEqualTo(Long.toString(id));
			assertThat(event.name()).isEqualTo("call");
			assertThat(event.data()).isEqualTo(api().get("/api/calls", key).json().get("items").get(0));
		}
	}

}
