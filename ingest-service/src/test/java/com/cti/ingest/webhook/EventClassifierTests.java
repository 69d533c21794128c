package com.cti.ingest.webhook;

import com.cti.model.EventKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventClassifierTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EventClassifier classifier = new EventClassifier();

	@Test
	void classifiesCallEventsAndKeysThemByCallId() {
		var event = this.classifier.classify("""
				{"call_id": 6400000000000101, "state": "connected", "event_timestamp": 1764158401000}""");

		assertThat(event.kind()).isEqualTo(EventKind.CALL);
		assertThat(event.key()).isEqualTo("6400000000000101");
	}

	@Test
	void classifiesSmsEventsAndKeysThemByMessageId() {
		var event = this.classifier.classify("""
				{"id": 6500000000000001, "from_number": "+14155550123", "to_number": ["+14155550101"],
				 "message_status": "delivered", "event_timestamp": 1764158401000}""");

		assertThat(event.kind()).isEqualTo(EventKind.SMS);
		assertThat(event.key()).isEqualTo("6500000000000001");
	}

	@Test
	void classifiesContactAgentStatusAndChangelogEventsWithoutKey() {
		assertThat(this.classifier.classify("{\"event\":\"Created\",\"contact\":{\"id\":1}}"))
			.satisfies((event) -> assertThat(event.kind()).isEqualTo(EventKind.CONTACT))
			.satisfies((event) -> assertThat(event.key()).isNull());
		assertThat(this.classifier.classify("{\"availability_status\":\"available\"}").kind())
			.isEqualTo(EventKind.AGENT_STATUS);
		assertThat(this.classifier.classify("{\"on_duty_status\":\"unavailable\"}").kind())
			.isEqualTo(EventKind.AGENT_STATUS);
		assertThat(this.classifier.classify("{\"action\":\"updated_ivr\",\"changed_by\":{\"id\":1}}").kind())
			.isEqualTo(EventKind.CHANGELOG);
	}

	@Test
	void keepsUnknownShapesAsUnknown() {
		var event = this.classifier.classify("{\"something\":\"new\"}");

		assertThat(event.kind()).isEqualTo(EventKind.UNKNOWN);
		assertThat(event.key()).isNull();
		assertThat(event.contentHash()).hasSize(64);
	}

	@Test
	void givesARedeliveryOfACallEventTheSameContentHash() {
		String first = "{\"call_id\":7,\"state\":\"hangup\",\"event_timestamp\":1764158401000,\"duration\":1}";
		String redelivered = "{\"event_timestamp\":1764158401000, \"state\":\"hangup\",\"call_id\":7,\"duration\":1.0}";
		String nextState = "{\"call_id\":7,\"state\":\"postcall\",\"event_timestamp\":1764158401000}";

		assertThat(this.classifier.classify(redelivered).contentHash())
			.isEqualTo(this.classifier.classify(first).contentHash());
		assertThat(this.classifier.classify(nextState).contentHash())
			.isNotEqualTo(this.classifier.classify(first).contentHash());
	}

	@Test
	void givesSmsStatusUpdatesTheirOwnContentHash() {
		String sent = "{\"id\":9,\"from_number\":\"+1\",\"to_number\":[],\"message_status\":\"sent\",\"event_timestamp\":5}";
		String delivered = sent.replace("\"sent\"", "\"delivered\"");

		assertThat(this.classifier.classify(delivered).contentHash())
			.isNotEqualTo(this.classifier.classify(sent).contentHash());
		assertThat(this.classifier.classify(sent).contentHash())
			.isEqualTo(this.classifier.classify(sent).contentHash());
	}

	@Test
	void classifiesACallOfDialpadsCallListAsTheCallEventItWouldBeAsAWebhook() {
		String webhook = "{\"call_id\":7,\"state\":\"missed\",\"event_timestamp\":1764158401000}";
		var listed = this.classifier.classifyConcludedCall(json.readTree(
				"{\"call_id\":\"7\",\"state\":\"missed\",\"date_ended\":1," + "\"event_timestamp\":1764158401000}"));

		assertThat(listed.kind()).isEqualTo(EventKind.CALL);
		assertThat(listed.key()).isEqualTo("7").isEqualTo(this.classifier.classify(webhook).key());
		assertThat(listed.contentHash()).isEqualTo(this.classifier.classify(webhook).contentHash());
	}

	@Test
	void hashesACallWithoutStateAsTheHangupThatConcludedIt() {
		var stateless = this.classifier
			.classifyConcludedCall(json.readTree("{\"call_id\":7,\"event_timestamp\":1764158401000}"));
		var hangup = this.classifier.classify("{\"call_id\":7,\"state\":\"hangup\",\"event_timestamp\":1764158401000}");

		assertThat(stateless.contentHash()).isEqualTo(hangup.contentHash())
			.isEqualTo(ContentHash.ofCall("7", "hangup", "1764158401000"));
		assertThat(this.classifier.classifyConcludedCall(json.readTree("{\"state\":\"hangup\"}")).key()).isNull();
	}

	@Test
	void rejectsAPayloadThatIsNotAJsonObject() {
		for (String payload : new String[] { "[1,2]", "\"text\"", "42", "null", "{not json", "" }) {
			assertThatExceptionOfType(WebhookRejectedException.class)
				.isThrownBy(() -> this.classifier.classify(payload))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("payload-not-json-object"));
		}
	}

}
