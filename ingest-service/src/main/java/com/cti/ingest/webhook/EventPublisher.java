package com.cti.ingest.webhook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes an accepted event to Kafka and waits, bounded, for the broker's
 * acknowledgement ({@code acks=all}).
 */
@Component
class EventPublisher {

	private final KafkaTemplate<String, DialpadEventReceived> kafkaTemplate;

	private final IngestProperties properties;

	EventPublisher(KafkaTemplate<String, DialpadEventReceived> eventKafkaTemplate, IngestProperties properties) {
		this.kafkaTemplate = eventKafkaTemplate;
		this.properties = properties;
	}

	/**
	 * Sends the event and returns once Kafka acknowledged it.
	 * @throws EventNotDurableException when Kafka did not acknowledge it in time
	 */
	void publish(DialpadEventReceived event, @Nullable String key) {
		var record = new ProducerRecord<>(Topics.DIALPAD_EVENTS, key, event);
		record.headers().add(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()).getBytes());
		record.headers().add(EventHeaders.EVENT_KIND, event.kind().wireName().getBytes());
		var future = this.kafkaTemplate.send(record);
		try {
			future.get(this.properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EventNotDurableException("interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			future.cancel(false);
			throw new EventNotDurableException("Kafka did not acknowledge the event in time", ex);
		}
	}

	/**
	 * The event could not be made durable: the caller must answer 503 so that Dialpad
	 * retries.
	 */
	static class EventNotDurableException extends RuntimeException {

		EventNotDurableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
