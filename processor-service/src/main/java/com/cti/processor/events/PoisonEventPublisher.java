package com.cti.processor.events;

import java.util.List;

import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Sends poison records to the dead-letter topic and waits for the broker's
 * acknowledgement; a failure throws, so that the batch is tried again rather than its
 * offsets committed.
 */
@Component
class PoisonEventPublisher {

	private final DeadLetterPublishingRecoverer recoverer;

	PoisonEventPublisher(DeadLetterPublishingRecoverer recoverer) {
		this.recoverer = recoverer;
	}

	void publish(List<PoisonEvent> poisons) {
		for (PoisonEvent poison : poisons) {
			this.recoverer.accept(poison.record(), null, new PoisonEventException(poison.error()));
		}
	}

}
