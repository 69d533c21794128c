package com.cti.processor.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.cti.processor.Fixtures;
import com.cti.processor.merge.MergeField;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge of one SMS: the delivery status never moves backwards, other fields by event
 * time.
 */
class MessageTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final UUID APP = UUID.randomUUID();

	@Test
	void ignoresALatePendingAfterDelivered() {
		Message message = new Message(APP, 1L);
		apply(message, sms("sent", 2000));
		apply(message, sms("delivered", 3000).put("message_delivery_result", "accepted"));
		apply(message, sms("pending", 1000));

		assertThat(message.value("status")).isEqualTo("delivered");
		assertThat(message.value("delivery_result")).isEqualTo("accepted");
		assertThat(message.merged().eventTimestamp()).isEqualTo(3000);
	}

	@Test
	void neverMovesBackEvenWhenTheOlderStatusCarriesANewerTime() {
		Message message = new Message(APP, 1L);
		apply(message, sms("delivered", 3000));
		apply(message, sms("sent", 4000));

		assertThat(message.value("status")).isEqualTo("delivered");
	}

	@Test
	void keepsAnUnknownStatusAsTextButNeverOverSent() {
		Message pending = new Message(APP, 1L);
		apply(pending, sms("pending", 1000));
		apply(pending, sms("carrier_queued", 2000));
		Message sent = new Message(APP, 2L);
		apply(sent, sms("sent", 1000));
		apply(sent, sms("carrier_queued", 2000));

		assertThat(pending.value("status")).isEqualTo("carrier_queued");
		assertThat(sent.value("status")).isEqualTo("sent");
	}

	@Test
	void readsTheListOfRecipientsAndTheTextFallback() {
		Message message = new Message(APP, 1L);
		ObjectNode event = sms("pending", 1000).put("text_content", "hello");
		event.putArray("to_number").add("+14155550142").add("+14155550143");
		apply(message, event);

		assertThat(message.value("to_numbers")).isEqualTo(List.of("+14155550142", "+14155550143"));
		assertThat(message.value("text")).isEqualTo("hello");
	}

	@Test
	void mergesTheFixtureToTheSameValuesInAnyOrder() {
		List<JsonNode> events = Fixtures.events("sms.json");
		Message expected = merge(events);
		Random random = new Random(7);
		for (int round = 0; round < 50; round++) {
			List<JsonNode> shuffled = new ArrayList<>(events);
			shuffled.addAll(events);
			Collections.shuffle(shuffled, random);
			Message message = merge(shuffled);
			for (MergeField field : MessageFields.ALL) {
				assertThat(message.value(field.column())).as(field.column()).isEqualTo(expected.value(field.column()));
			}
			assertThat(message.merged().rawPayload()).isEqualTo(expected.merged().rawPayload());
		}
		assertThat(expected.value("status")).isEqualTo("delivered");
		assertThat(expected.value("to_numbers")).isEqualTo(List.of("+14155559876"));
	}

	private static Message merge(List<JsonNode> events) {
		Message message = new Message(APP, 6500000000000002L);
		events.stream()
			.filter((event) -> event.get("id").asLong() == 6500000000000002L)
			.forEach((event) -> apply(message, event));
		return message;
	}

	private static ObjectNode sms(String status, long timestamp) {
		return json.createObjectNode().put("id", 1L).put("message_status", status).put("event_timestamp", timestamp);
	}

	private static void apply(Message message, JsonNode event) {
		message.apply(event, json.writeValueAsString(event));
	}

}
