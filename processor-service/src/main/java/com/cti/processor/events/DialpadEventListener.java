package com.cti.processor.events;

import java.util.List;

import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives batches of events and hands them to the {@link EventBatchHandler}; the
 * container commits the batch's offsets once this returns.
 */
@Component
class DialpadEventListener {

	private final EventBatchHandler handler;

	DialpadEventListener(EventBatchHandler handler) {
		this.handler = handler;
	}

	@KafkaListener(id = EventBatchHandler.LISTENER_ID, groupId = "${cti.processor.group-id:cti-processor}",
			topics = Topics.DIALPAD_EVENTS, batch = "true", autoStartup = "${cti.processor.consume:true}")
	void onEvents(List<ConsumerRecord<String, DialpadEventReceived>> records) {
		this.handler.handle(records);
	}

}
