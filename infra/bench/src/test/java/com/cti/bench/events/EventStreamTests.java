package com.cti.bench.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long NOW = 1_800_000_000_000L;

	private final FixtureLibrary fixtures = FixtureLibrary.load(null);

	@Test
	void compilesEveryBundledFixture() {
		assertThat(this.fixtures.lifecycles()).extracting(Lifecycle::name)
			.contains("call-answered-two-legs", "call-missed", "call-outbound", "call-voicemail", "sms",
					"other-events#0", "other-events#1", "other-events#2");
		Lifecycle answered = lifecycle("call-answered-two-legs");
		assertThat(answered.events()).hasSize(12);
		assertThat(answered.events()).filteredOn(EventTemplate::firstOfLeg).hasSize(2);
		assertThat(answered.events()).extracting(EventTemplate::kind).containsOnly("call");
		assertThat(lifecycle("sms").events()).extracting(EventTemplate::kind).containsOnly("sms");
		assertThat(lifecycle("other-events#1").events()).extracting(EventTemplate::kind)
			.containsExactly("agent_status");
	}

	@Test
	void rendersALifecycleWithFreshIdsAndShiftedTimes() {
		Lifecycle answered = lifecycle("call-answered-two-legs");
		long[] ids = new long[answered.idCount()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = 9_000_000_000_000_000L + i;
		}
		List<JsonNode> events = new ArrayList<>();
		for (EventTemplate template : answered.events()) {
			String json = template.render(ids, NOW);
			assertThat(json).doesNotContain("64000000000001").doesNotContain("71000000000000").doesNotContain("176415");
			events.add(JSON.readTree(json));
		}
		long agentLeg = events.get(2).get("call_id").asLong();
		long departmentLeg = events.get(0).get("call_id").asLong();
		assertThat(departmentLeg).isNotEqualTo(agentLeg);
		assertThat(events.get(2).get("entry_point_call_id").asLong()).isEqualTo(departmentLeg);
		assertThat(events.get(3).get("operator_call_id").asLong()).isEqualTo(agentLeg);
		assertThat(events.get(0).get("date_started").asLong()).isEqualTo(NOW);
		assertThat(events.get(0).get("event_timestamp").asLong()).isEqualTo(NOW + 50);
		JsonNode recording = events.get(9).get("recording_details").get(0);
		assertThat(recording.get("url").asString()).endsWith("/" + recording.get("id").asString());
		assertThat(events.get(0).get("contact").get("id").asLong()).isEqualTo(5700000000000009L);
	}

	@Test
	void everyLifecycleOfTheStreamHasItsOwnIdsAndItsEventsInOrder() {
		var stream = new EventStream(this.fixtures, 42, new IdSource(7_100_000_000_000_000L), (random) -> 0, 4,
				() -> NOW);
		Map<Long, List<String>> statesByLeg = new HashMap<>();
		Set<String> payloads = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			GeneratedEvent event = stream.next();
			assertThat(payloads.add(event.json())).as("every event is distinct").isTrue();
			JsonNode node = JSON.readTree(event.json());
			if (event.isCall()) {
				assertThat(event.resourceId()).isEqualTo(node.get("call_id").asLong());
				assertThat(event.key()).isEqualTo(Long.toString(event.resourceId()));
				List<String> states = statesByLeg.computeIfAbsent(event.resourceId(), (id) -> new ArrayList<>());
				assertThat(event.firstOfLeg()).isEqualTo(states.isEmpty());
				states.add(event.state());
			}
			else if ("sms".equals(event.kind())) {
				assertThat(event.resourceId()).isEqualTo(node.get("id").asLong());
			}
			else {
				assertThat(event.key()).isNull();
			}
		}
		assertThat(statesByLeg.values()).anySatisfy(
				(states) -> assertThat(states).containsSubsequence("calling", "ringing", "connected", "hangup"));
		assertThat(statesByLeg.values()).allSatisfy((states) -> assertThat(states.get(0)).isIn("calling", "ringing"));
	}

	@Test
	void signsEventsAsHs256JwtsThatAnotherImplementationVerifies() {
		String json = lifecycle("call-missed").events().get(0).render(new long[] { 7_100_000_000_000_001L }, NOW);
		String token = new String(new Hs256Signer("the-webhook-secret").sign(json), StandardCharsets.US_ASCII);
		var verified = JWT.require(Algorithm.HMAC256("the-webhook-secret")).build().verify(token);
		assertThat(verified.getAlgorithm()).isEqualTo("HS256");
		assertThat(new String(Base64.getUrlDecoder().decode(verified.getPayload()), StandardCharsets.UTF_8))
			.isEqualTo(json);
	}

	private Lifecycle lifecycle(String name) {
		return this.fixtures.lifecycles().stream().filter((l) -> l.name().equals(name)).findFirst().orElseThrow();
	}

}
