package com.cti.processor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that can never be applied go to the dead-letter topic and are recorded with
 * their error, and the events behind them on the same partition are still applied.
 */
@ProcessorIntegrationTest
class PoisonEventIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	TestData data;

	UUID app;

	DeadLetterTopic deadLetters;

	@BeforeEach
	void setUp() {
		this.data = new TestData(this.jdbc);
		this.app = this.data.newApp();
		this.deadLetters = new DeadLetterTopic(this.brokers);
	}

	@AfterEach
	void tearDown() {
		this.deadLetters.close();
	}

	@Test
	void sendsGarbageBytesToTheDeadLetterTopicAndAppliesWhatFollows() {
		List<JsonNode> events = Fixtures.events("call-outbound.json");
		String key = events.get(0).get("call_id").asString();
		byte[] garbage = { 0x00, (byte) 0xff, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n' };
		byte[] text = "{\"not\": \"an envelope\"".getBytes(StandardCharsets.UTF_8);

		this.sender.sendRaw(key, garbage);
		this.sender.sendRaw(key, text);
		this.sender.sendEvents(this.app.toString(), events);

		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == events.size());
		assertThat(this.data.call(this.app, 6400000000000301L).get("state")).isEqualTo("hangup");
		ConsumerRecord<String, byte[]> garbageLetter = awaitDeadLetter(garbage);
		ConsumerRecord<String, byte[]> textLetter = awaitDeadLetter(text);
		assertThat(garbageLetter.key()).isEqualTo(key);
		assertThat(header(garbageLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.DIALPAD_EVENTS);
		assertThat(header(garbageLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
		assertThat(textLetter.partition()).isEqualTo(garbageLetter.partition());
		Map<String, Object> garbageRow = poisonRow(Base64.getEncoder().encodeToString(garbage));
		assertThat(garbageRow.get("processing_error").toString()).startsWith("not a readable event envelope")
			.contains("payload stored as base64");
		assertThat(garbageRow.get("app_id")).isNull();
		assertThat(garbageRow.get("processed")).isEqualTo(false);
		assertThat(garbageRow.get("kind")).isEqualTo("unknown");
		Map<String, Object> textRow = poisonRow(new String(text, StandardCharsets.UTF_8));
		assertThat(textRow.get("processing_error").toString()).startsWith("not a readable event envelope");
	}

	@Test
	void sendsAnUnsupportedSchemaVersionToTheDeadLetterTopic() {
		List<JsonNode> events = Fixtures.events("call-missed.json");
		DialpadEventReceived current = TestEvents.envelope(this.app.toString(), events.get(0));
		var future = new DialpadEventReceived(UUID.randomUUID(), this.app.toString(), current.kind(), Instant.now(),
				current.payload(), current.contentHash(), 2);

		this.sender.send(List.of(future));
		this.sender.sendEvents(this.app.toString(), events);

		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(this.app) == events.size());
		ConsumerRecord<String, byte[]> letter = await().atMost(Duration.ofSeconds(15))
			.until(() -> this.deadLetters.records()
				.stream()
				.filter((record) -> new String(record.value(), StandardCharsets.UTF_8)
					.contains(future.eventId().toString()))
				.findFirst(), Optional::isPresent)
			.get();
		assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("unsupported envelope schema version 2");
		Map<String, Object> row = this.jdbc.sql("""
				select app_id, claimed_app_id, kind, schema_version, processed, processing_error, payload
				from webhook_events where claimed_app_id = :claimed and schema_version = 2
				""").param("claimed", this.app.toString()).query().singleRow();
		assertThat(row.get("app_id")).isNull();
		assertThat(row.get("kind")).isEqualTo("call");
		assertThat(row.get("processed")).isEqualTo(false);
		assertThat(row.get("processing_error").toString()).startsWith("unsupported envelope schema version 2");
		assertThat(row.get("payload")).isEqualTo(current.payload());
	}

	@Test
	void turnsAnEventTheDatabaseRefusesIntoAPoisonRecord() {
		this.jdbc.sql("alter table calls drop constraint if exists test_refused_number").update();
		this.jdbc.sql("alter table calls add constraint test_refused_number check (external_number <> '+19990000000')")
			.update();
		try {
			List<JsonNode> events = Fixtures.events("call-voicemail.json");
			ObjectNode refused = (ObjectNode) events.get(0).deepCopy();
			refused.put("call_id", 6400000000000999L).put("external_number", "+19990000000");
			DialpadEventReceived refusedEnvelope = TestEvents.envelope(this.app.toString(), refused);

			this.sender.send(List.of(refusedEnvelope));
			this.sender.sendEvents(this.app.toString(), events);

			await().atMost(Duration.ofSeconds(20)).until(() -> this.data.processedEvents(this.app) == events.size());
			assertThat(this.data.rows("calls", "call_id", this.app)).containsOnlyKeys(6400000000000201L);
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.deadLetters.records()
					.stream()
					.anyMatch((record) -> new String(record.value(), StandardCharsets.UTF_8)
						.contains(refusedEnvelope.eventId().toString())));
			String error = this.jdbc
				.sql("select processing_error from webhook_events where claimed_app_id = :claimed and app_id is null")
				.param("claimed", this.app.toString())
				.query(String.class)
				.single();
			assertThat(error).startsWith("the database refused the event").contains("test_refused_number");
		}
		finally {
			this.jdbc.sql("alter table calls drop constraint test_refused_number").update();
		}
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(byte[] value) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.deadLetters.records()
				.stream()
				.filter((record) -> Arrays.equals(record.value(), value))
				.findFirst(), Optional::isPresent)
			.get();
	}

	private Map<String, Object> poisonRow(String payload) {
		return this.jdbc
			.sql("select app_id, kind, processed, processing_error from webhook_events where payload = :payload")
			.param("payload", payload)
			.query()
			.singleRow();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

}
