package com.cti.admin.apps;

import java.time.Duration;
import java.util.UUID;

import com.cti.admin.outbox.Outbox;
import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a purge to the processor: {@link AppPurgeRequested} on
 * {@link Topics#APP_COMMANDS}, keyed by app id, through the {@link Outbox} (owed in the
 * transaction that records the request, sent after its commit).
 */
@Component
class AppPurgePublisher {

	private static final Logger logger = LoggerFactory.getLogger(AppPurgePublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Outbox outbox;

	private final KafkaTemplate<String, Object> kafkaTemplate;

	AppPurgePublisher(Outbox outbox, KafkaTemplate<String, Object> kafkaTemplate) {
		this.outbox = outbox;
		this.kafkaTemplate = kafkaTemplate;
	}

	/**
	 * Before anything changes: a 503 problem when Kafka cannot be reached (the producer
	 * gets no metadata of the topic within its {@code max.block.ms}), so that a purge is
	 * refused rather than recorded while Kafka is known to be away.
	 */
	void requireKafka(UUID appId) {
		try {
			this.kafkaTemplate.partitionsFor(Topics.APP_COMMANDS);
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka cannot take the purge of app {}: {}", appId, ex.toString());
			throw AdminProblems.unavailable("kafka-unavailable", "Kafka unavailable",
					"Kafka cannot take the purge request of app " + appId
							+ " now; nothing was changed (the app is still enabled, its keys still work). Try again.",
					Duration.ofSeconds(10), ex);
		}
	}

	/** In the transaction that records the request: the processor is owed the command. */
	void owe(UUID appId, String requestedBy) {
		this.outbox.owe(Topics.APP_COMMANDS, appId.toString(), requestedBy);
	}

	/**
	 * After the commit: sends the command and returns once Kafka has it. When Kafka does
	 * not take it, the request stays recorded and owed: the outbox relay sends it later.
	 */
	void publish(UUID appId) {
		try {
			this.outbox.deliver(Topics.APP_COMMANDS, appId.toString(), TIMEOUT);
		}
		catch (Outbox.NotDeliveredException ex) {
			logger.warn("The purge of app {} is recorded; Kafka did not take it yet, it is sent again later: {}", appId,
					ex.getMessage());
		}
	}

}
