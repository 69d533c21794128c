package com.cti.processor.events;

import java.util.ArrayList;
import java.util.List;

import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Receives batches of events and hands them to the {@link EventBatchService}. A poison
 * record splits the batch: the records before it are applied and committed, the poison
 * one goes to the dead-letter topic, and the rest is redelivered.
 */
@Component
class DialpadEventListener {

	private final EventBatchService batchService;

	DialpadEventListener(EventBatchService batchService) {
		this.batchService = batchService;
	}

	@KafkaListener(id = "cti-processor", groupId = "${cti.processor.group-id:cti-processor}",
			topics = Topics.DIALPAD_EVENTS, containerFactory = "eventListenerContainerFactory", batch = "true")
	void onEvents(List<ConsumerRecord<String, DialpadEventReceived>> records) {
		List<DialpadEventReceived> events = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			DialpadEventReceived event = records.get(i).value();
			String problem = problemWith(event);
			if (problem != null) {
				this.batchService.apply(events);
				throw new BatchListenerFailedException(problem, new PoisonEventException(problem), records.get(i));
			}
			events.add(event);
		}
		this.batchService.apply(events);
	}

	private static @Nullable String problemWith(@Nullable DialpadEventReceived event) {
		if (event == null) {
			return "not a readable event envelope";
		}
		if (event.schemaVersion() != DialpadEventReceived.CURRENT_SCHEMA_VERSION) {
			return "unsupported envelope schema version " + event.schemaVersion();
		}
		return null;
	}

}
