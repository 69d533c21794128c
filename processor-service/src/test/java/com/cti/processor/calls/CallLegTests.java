package com.cti.processor.calls;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.cti.processor.Fixtures;
import com.cti.processor.merge.MergeField;
import com.cti.processor.voicemails.Voicemail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-field merge of one call leg: newest event wins per field, empty values never
 * overwrite, and the outcome does not depend on arrival order.
 */
class CallLegTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final UUID APP = UUID.randomUUID();

	private static final long CALL = 6400000000000201L;

	@Test
	void newerEventOverwritesAnOlderValue() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("ringing", 1000).put("internal_number", "+1111"));
		apply(leg, event("connected", 2000).put("internal_number", "+2222"));

		assertThat(leg.value("internal_number")).isEqualTo("+2222");
		assertThat(leg.value("state")).isEqualTo("connected");
		assertThat(leg.eventTimestamp()).isEqualTo(2000);
	}

	@Test
	void olderEventNeverOverwritesANewerValue() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("hangup", 3000).put("internal_number", "+3333"));
		apply(leg, event("ringing", 1000).put("internal_number", "+1111"));

		assertThat(leg.value("internal_number")).isEqualTo("+3333");
		assertThat(leg.value("state")).isEqualTo("hangup");
		assertThat(leg.eventTimestamp()).isEqualTo(3000);
		assertThat(leg.fieldTimestamps()).containsEntry("state", 3000L);
	}

	@Test
	void olderEventFillsAValueThatIsStillEmpty() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("recap_summary", 5000).put("recap_summary", "All good"));
		ObjectNode recording = event("recording", 4000);
		recording.putArray("recording_details").addObject().put("url", "https://dialpad.com/r/1");
		apply(leg, recording);

		assertThat(leg.value("recording_details")).asString().contains("https://dialpad.com/r/1");
		assertThat(leg.value("recap_summary")).isEqualTo("All good");
		assertThat(leg.fieldTimestamps()).containsEntry("recording_details", 4000L);
	}

	@Test
	void emptyValuesNeverOverwrite() {
		CallLeg leg = new CallLeg(APP, CALL);
		ObjectNode hangup = event("hangup", 1000).put("talk_time", 167090)
			.put("transcription_text", "hello")
			.put("was_recorded", true);
		hangup.putObject("contact").put("email", "chris@example.com");
		apply(leg, hangup);
		ObjectNode later = event("recording", 2000).put("talk_time", 0).put("was_recorded", false);
		later.putNull("transcription_text");
		later.putObject("contact").put("email", "");
		later.putArray("labels");
		apply(leg, later);

		assertThat(leg.value("talk_time_ms")).isEqualTo(167090L);
		assertThat(leg.value("transcription_text")).isEqualTo("hello");
		assertThat(leg.value("recorded")).isEqualTo(true);
		assertThat(leg.value("contact_email")).isEqualTo("chris@example.com");
		assertThat(leg.value("labels")).isNull();
	}

	@Test
	void equalTimestampsAreDecidedByValueWhateverTheOrder() {
		CallLeg first = new CallLeg(APP, CALL);
		apply(first, event("missed", 1000).put("internal_number", "+1"));
		apply(first, event("hangup", 1000).put("internal_number", "+2"));
		CallLeg second = new CallLeg(APP, CALL);
		apply(second, event("hangup", 1000).put("internal_number", "+2"));
		apply(second, event("missed", 1000).put("internal_number", "+1"));

		assertThat(first.value("state")).isEqualTo(second.value("state")).isEqualTo("missed");
		assertThat(first.value("internal_number")).isEqualTo(second.value("internal_number")).isEqualTo("+2");
		assertThat(first.rawPayload()).isEqualTo(second.rawPayload());
	}

	@Test
	void keepsTheRawPayloadOfTheNewestEvent() {
		CallLeg leg = new CallLeg(APP, CALL);
		ObjectNode newest = event("hangup", 2000);
		apply(leg, newest);
		apply(leg, event("ringing", 1000));

		assertThat(leg.rawPayload()).isEqualTo(json.writeValueAsString(newest));
	}

	@Test
	void isActiveFromTheFirstLiveStateUntilHangup() {
		CallLeg leg = new CallLeg(APP, CALL);
		assertThat(leg.active()).isFalse();
		apply(leg, event("ringing", 1000));
		assertThat(leg.active()).isTrue();
		apply(leg, event("connected", 2000).put("date_connected", 2000));
		assertThat(leg.active()).isTrue();
		apply(leg, event("hangup", 3000).put("date_connected", 2000).put("date_ended", 3000));
		assertThat(leg.active()).isFalse();
	}

	@Test
	void keepsHangupWhenRingingArrivesLate() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("hangup", 3000).put("date_ended", 3000));
		apply(leg, event("ringing", 1000));

		assertThat(leg.active()).isFalse();
		assertThat(leg.value("state")).isEqualTo("hangup");
		assertThat(leg.statesSeen()).containsExactly("hangup", "ringing");
	}

	@Test
	void postCallEventsNeverMakeALegActiveAgain() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("connected", 1000).put("date_connected", 1000));
		apply(leg, event("recording", 9000));

		assertThat(leg.active()).isFalse();
	}

	@Test
	void missedAndVoicemailEndALeg() {
		CallLeg missed = new CallLeg(APP, CALL);
		apply(missed, event("ringing", 1000));
		apply(missed, event("missed", 2000));
		CallLeg voicemail = new CallLeg(APP, CALL);
		apply(voicemail, event("ringing", 1000));
		apply(voicemail, event("voicemail", 2000));

		assertThat(missed.active()).isFalse();
		assertThat(missed.missed()).isTrue();
		assertThat(voicemail.active()).isFalse();
		assertThat(voicemail.hasVoicemail()).isTrue();
		assertThat(voicemail.missed()).isFalse();
	}

	@Test
	void answeredOnlyWhenAPersonConnected() {
		CallLeg agent = new CallLeg(APP, CALL);
		ObjectNode agentEvent = event("connected", 1000).put("date_connected", 1000);
		agentEvent.putObject("target").put("type", "user").put("id", 42);
		apply(agent, agentEvent);
		CallLeg ivr = new CallLeg(APP, CALL);
		ObjectNode ivrEvent = event("connected", 1000).put("date_connected", 1000);
		ivrEvent.putObject("target").put("type", "department").put("id", 7);
		apply(ivr, ivrEvent);
		CallLeg routed = new CallLeg(APP, CALL);
		apply(routed, ivrEvent.deepCopy().put("operator_call_id", 6400000000000202L));
		CallLeg unanswered = new CallLeg(APP, CALL);
		apply(unanswered, event("hangup", 1000).put("direction", "inbound").put("date_ended", 1000));

		assertThat(agent.answered()).isTrue();
		assertThat(agent.dialpadUserId()).isEqualTo(42L);
		assertThat(ivr.answered()).isFalse();
		assertThat(ivr.dialpadUserId()).isNull();
		assertThat(routed.answered()).isTrue();
		assertThat(unanswered.answered()).isFalse();
		assertThat(unanswered.missed()).isTrue();
	}

	@Test
	void mergesTheFixtureLegsToTheSameValuesInAnyOrder() {
		List<JsonNode> events = Fixtures.events("call-answered-two-legs.json");
		CallLeg expected = merge(events);
		Random random = new Random(42);
		for (int round = 0; round < 50; round++) {
			List<JsonNode> shuffled = new ArrayList<>(events);
			shuffled.addAll(events.subList(0, random.nextInt(events.size())));
			Collections.shuffle(shuffled, random);
			CallLeg leg = merge(shuffled);
			for (MergeField field : CallFields.ALL) {
				assertThat(leg.value(field.column())).as(field.column()).isEqualTo(expected.value(field.column()));
			}
			assertThat(leg.fieldTimestamps()).isEqualTo(expected.fieldTimestamps());
			assertThat(leg.statesSeen()).isEqualTo(expected.statesSeen());
			assertThat(leg.rawPayload()).isEqualTo(expected.rawPayload());
			assertThat(leg.active()).isEqualTo(expected.active());
		}
		assertThat(expected.value("state")).isEqualTo("recap_summary");
		assertThat(expected.value("talk_time_ms")).isEqualTo(167090L);
	}

	@Test
	void derivesTheVoicemailFromTheLegWhateverTheOrder() {
		List<JsonNode> events = Fixtures.events("call-voicemail.json");
		Random random = new Random(3);
		for (int round = 0; round < 20; round++) {
			List<JsonNode> shuffled = new ArrayList<>(events);
			Collections.shuffle(shuffled, random);
			CallLeg leg = new CallLeg(APP, 6400000000000201L);
			shuffled.forEach((event) -> apply(leg, event));
			Voicemail voicemail = leg.voicemail();

			assertThat(voicemail).isNotNull();
			assertThat(voicemail.link()).isEqualTo("https://dialpad.com/blob/voicemail/7200000000000001");
			assertThat(voicemail.recordingId()).isEqualTo(7200000000000001L);
			assertThat(voicemail.transcriptionText())
				.isEqualTo("Hi Dana, it's Chris, please call me back about my order.");
			assertThat(voicemail.createdAt()).isEqualTo(OffsetDateTime.parse("2025-11-26T13:00:30.500Z"));
			assertThat(voicemail.durationMs()).isEqualTo(31300L);
			assertThat(voicemail.callerNumber()).isEqualTo("+14155559876");
			assertThat(voicemail.dialpadUserId()).isEqualTo(5600000000000042L);
			assertThat(voicemail.eventTimestamp()).isEqualTo(1764162095000L);
		}
	}

	@Test
	void hasNoVoicemailWhenATranscriptionIsOfATalk() {
		CallLeg leg = new CallLeg(APP, CALL);
		apply(leg, event("connected", 1000).put("date_connected", 1000));
		apply(leg, event("transcription", 5000).put("transcription_text", "we talked"));

		assertThat(leg.voicemail()).isNull();
		assertThat(leg.hasVoicemail()).isFalse();
	}

	private static CallLeg merge(List<JsonNode> events) {
		CallLeg leg = new CallLeg(APP, 6400000000000102L);
		events.stream()
			.filter((event) -> event.get("call_id").asLong() == 6400000000000102L)
			.forEach((event) -> apply(leg, event));
		return leg;
	}

	private static ObjectNode event(String state, long timestamp) {
		return json.createObjectNode().put("call_id", CALL).put("state", state).put("event_timestamp", timestamp);
	}

	private static void apply(CallLeg leg, JsonNode event) {
		leg.apply(event, json.writeValueAsString(event));
	}

}
