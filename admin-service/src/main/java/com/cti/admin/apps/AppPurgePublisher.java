package com.cti.admin.apps;

import java.time.Duration;

import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;
import com.cti.platform.KafkaSends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a purge to the processor: publishes {@link AppPurgeRequested} on
 * {@link Topics#APP_COMMANDS}, keyed by app id, and waits for Kafka's acknowledgement.
 */
@Component
class AppPurgePublisher {

	private static final Logger logger = LoggerFactory.getLogger(AppPurgePublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	AppPurgePublisher(KafkaTemplate<String, Object> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	/** Returns once Kafka has the command; a 503 problem when it did not take it. */
	void publish(AppPurgeRequested command) {
		try {
			KafkaSends.awaitAcknowledged(this.kafkaTemplate.send(Topics.APP_COMMANDS, command.appId(), command),
					TIMEOUT);
		}
		catch (RuntimeException ex) {
			throw notPublished(command, ex);
		}
	}

	private static RuntimeException notPublished(AppPurgeRequested command, Exception ex) {
		logger.warn("Kafka did not take the purge of app {}: {}", command.appId(), ex.toString());
		return AdminProblems.unavailable("kafka-unavailable", "Kafka unavailable",
				"Kafka did not acknowledge the purge request of app " + command.appId()
						+ "; nothing was changed (the app is still enabled, its keys still work). Try again.",
				Duration.ofSeconds(10), ex);
	}

}
