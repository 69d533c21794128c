package com.cti.admin.events;

import java.time.Duration;
import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.model.AppCommand;
import com.cti.model.AssignEvent;
import com.cti.model.ReplayEvent;
import com.cti.model.Topics;
import com.cti.platform.KafkaSends;
import com.cti.platform.logging.EventLogContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands a replay or an assignment to the processor: the command on
 * {@link Topics#APP_COMMANDS}, keyed by its app id, waiting for Kafka's acknowledgement
 * (outside any transaction: nothing is recorded before Kafka has it).
 */
@Component
class EventCommandPublisher {

	private static final Logger logger = LoggerFactory.getLogger(EventCommandPublisher.class);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	private final ReplayProperties properties;

	EventCommandPublisher(KafkaTemplate<String, Object> kafkaTemplate, ReplayProperties properties) {
		this.kafkaTemplate = kafkaTemplate;
		this.properties = properties;
	}

	/**
	 * Sends the command and returns once Kafka has it; a 503 problem when it did not take
	 * it in time.
	 */
	void publish(AppCommand command) {
		try (var log = EventLogContext.open(originalEventId(command), command.appId(), null)) {
			send(command);
		}
	}

	private void send(AppCommand command) {
		try {
			KafkaSends.awaitAcknowledged(this.kafkaTemplate.send(Topics.APP_COMMANDS, command.appId(), command),
					this.properties.publishTimeout());
		}
		catch (RuntimeException ex) {
			logger.warn("Kafka did not take the command {}: {}", command, ex.toString());
			throw AdminProblems.unavailable("kafka-unavailable", "Kafka unavailable",
					"Kafka did not acknowledge the command to send the event again; nothing was changed, try again",
					Duration.ofSeconds(5), ex);
		}
	}

	private static @Nullable UUID originalEventId(AppCommand command) {
		if (command instanceof ReplayEvent replay) {
			return replay.eventId();
		}
		return (command instanceof AssignEvent assign) ? assign.eventId() : null;
	}

}
