package com.cti.admin.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.Topics;
import com.cti.platform.KafkaSends;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Re-publishes an event of the raw log to {@link Topics#DIALPAD_EVENTS} with the
 * {@link EventHeaders#REPLAY_OF} header, and waits for Kafka's acknowledgement.
 */
@Component
class ReplayPublisher {

	private static final Logger logger = LoggerFactory.getLogger(ReplayPublisher.class);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	private final ReplayProperties properties;

	ReplayPublisher(KafkaTemplate<String, Object> kafkaTemplate, ReplayProperties properties) {
		this.kafkaTemplate = kafkaTemplate;
		this.properties = properties;
	}

	/**
	 * Sends the event and returns once Kafka has it; a 503 problem when it did not take
	 * it in time.
	 */
	void publish(DialpadEventReceived event, @Nullable String key, UUID replayOf) {
		var record = new ProducerRecord<String, Object>(Topics.DIALPAD_EVENTS, key, event);
		// the envelope's headers, as ingest writes them (until replay goes through the
		// processor)
		record.headers()
			.add(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.EVENT_KIND, event.kind().wireName().getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.REPLAY_OF, replayOf.toString().getBytes(StandardCharsets.UTF_8));
		try {
			KafkaSends.awaitAcknowledged(this.kafkaTemplate.send(record), this.properties.publishTimeout());
		}
		catch (RuntimeException ex) {
			throw notTaken(replayOf, ex);
		}
	}

	private static RuntimeException notTaken(UUID replayOf, Exception ex) {
		logger.warn("Kafka did not take the re-published event {}: {}", replayOf, ex.toString());
		return AdminProblems.unavailable("kafka-unavailable", "Kafka unavailable",
				"Kafka did not acknowledge the re-published event; nothing was changed, try again",
				Duration.ofSeconds(5), ex);
	}

}
