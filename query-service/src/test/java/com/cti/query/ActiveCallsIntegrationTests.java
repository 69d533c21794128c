package com.cti.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live calls across a whole call: the department leg rings, an agent leg rings and
 * answers, holds, hangs up, and post-call events follow; the rows change as the processor
 * changes them and GET /api/calls/active follows at every step.
 */
class ActiveCallsIntegrationTests extends ApiIntegrationTest {

	private static final long DEPARTMENT_LEG = 6400000000000101L;

	private static final long AGENT_LEG = 6400000000000102L;

	@Test
	void followsACallFromFirstRingToPostCall() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		UUID other = data().newApp();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
		assertThat(active(key)).isEmpty();

		CallRow department = new CallRow(app, DEPARTMENT_LEG, start).target(5500000000000001L, "department")
			.live("calling")
			.states("calling");
		data().insertCall(department);
		data().insertCall(new CallRow(other, 6400000000000999L, start).live("ringing"));
		assertThat(active(key)).containsExactly(DEPARTMENT_LEG);
		assertThat(state(key, DEPARTMENT_LEG)).isEqualTo("calling");

		data().insertCall(department.live("ringing").states("calling", "ringing"));
		CallRow agent = new CallRow(app, AGENT_LEG, start.plusSeconds(4)).user(5500000000000777L, null)
			.links(DEPARTMENT_LEG, null, DEPARTMENT_LEG, null)
			.live("ringing")
			.states("ringing");
		data().insertCall(agent);
		assertThat(active(key)).containsExactly(AGENT_LEG, DEPARTMENT_LEG);

		data().insertCall(agent.live("connected").states("ringing", "connected"));
		data().insertCall(department.ended("hangup", start.plusSeconds(9)).states("calling", "ringing", "hangup"));
		assertThat(active(key)).containsExactly(AGENT_LEG);
		assertThat(state(key, AGENT_LEG)).isEqualTo("connected");
		JsonNode conversation = api().get("/api/conversations/" + DEPARTMENT_LEG, key).json();
		assertThat(conversation.get("is_active").asBoolean()).isTrue();
		assertThat(conversation.get("ended_at").isNull()).isTrue();

		data().insertCall(agent.live("hold").states("ringing", "connected", "hold"));
		assertThat(active(key)).containsExactly(AGENT_LEG);
		assertThat(state(key, AGENT_LEG)).isEqualTo("hold");

		data()
			.insertCall(agent.ended("hangup", start.plusSeconds(70)).states("ringing", "connected", "hold", "hangup"));
		assertThat(active(key)).isEmpty();
		JsonNode ended = api().get("/api/calls/" + AGENT_LEG, key).json();
		assertThat(ended.get("state").asString()).isEqualTo("hangup");
		assertThat(ended.get("answered").asBoolean()).isTrue();
		assertThat(ended.get("is_active").asBoolean()).isFalse();
		assertThat(ended.get("ended_at").asString()).isEqualTo(start.plusSeconds(70).toString());

		// post-call events add data to an ended call; they never make it live again
		data().insertCall(agent.recorded().state("recording"));
		assertThat(active(key)).isEmpty();
		assertThat(api().get("/api/calls/" + AGENT_LEG, key).json().get("has_recording").asBoolean()).isTrue();
		conversation = api().get("/api/conversations/" + DEPARTMENT_LEG, key).json();
		assertThat(conversation.get("is_active").asBoolean()).isFalse();
		assertThat(conversation.get("answered").asBoolean()).isTrue();
		assertThat(conversation.get("ended_at").asString()).isEqualTo(start.plusSeconds(70).toString());
	}

	@Test
	void showsAMissedCallLiveUntilItEnds() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
		CallRow call = new CallRow(app, 6400000000000201L, start).live("ringing");
		data().insertCall(call);
		assertThat(active(key)).containsExactly(6400000000000201L);

		data().insertCall(call.missed().ended("hangup", start.plusSeconds(20)));

		assertThat(active(key)).isEmpty();
		JsonNode missed = api().get("/api/calls?missed=true", key).json();
		assertThat(ids(missed, "call_id")).containsExactly(6400000000000201L);
		assertThat(missed.at("/items/0/answered").asBoolean()).isFalse();
	}

	private java.util.List<Long> active(String key) {
		ApiClient.Response response = api().get("/api/calls/active", key);
		assertThat(response.status()).isEqualTo(200);
		return ids(response.json(), "call_id");
	}

	private String state(String key, long callId) {
		return api().get("/api/calls/" + callId, key).json().get("state").asString();
	}

}
