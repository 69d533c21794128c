package com.cti.ingest.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.cti.ingest.IngestProperties;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Makes an accepted event durable before the webhook is answered: published to Kafka and
 * acknowledged by every in-sync replica within a bounded wait, or else written to the
 * local spool. While the spool holds events, new ones join it, so that the forwarder
 * sends everything to Kafka in the order it arrived.
 */
@Component
public class EventPublisher {

	private static final Logger logger = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, DialpadEventReceived> kafkaTemplate;

	private final EventSpool spool;

	private final Duration publishTimeout;

	private final DeliveryMetrics metrics;

	private final SpooledTraces traces;

	EventPublisher(KafkaTemplate<String, DialpadEventReceived> kafkaTemplate, EventSpool spool,
			IngestProperties properties, DeliveryMetrics metrics, SpooledTraces traces) {
		this.traces = traces;
		this.kafkaTemplate = kafkaTemplate;
		this.spool = spool;
		this.publishTimeout = properties.publishTimeout();
		this.metrics = metrics;
	}

	/**
	 * Returns once the event is durable, saying where.
	 * @param event the envelope
	 * @param key the Kafka key, null when the kind has none
	 * @throws EventNotDurableException when neither Kafka nor the spool could take it
	 */
	public Delivery publish(DialpadEventReceived event, @Nullable String key) {
		if (!this.spool.isEmpty()) {
			return spool(event, key);
		}
		long started = System.nanoTime();
		try {
			CompletableFuture<?> sent = send(event, key);
			long remaining = this.publishTimeout.toNanos() - (System.nanoTime() - started);
			sent.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
			this.metrics.published(System.nanoTime() - started, "acked");
			return Delivery.KAFKA;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.metrics.published(System.nanoTime() - started, "interrupted");
		}
		catch (TimeoutException ex) {
			this.metrics.published(System.nanoTime() - started, "timeout");
			logger.warn("Kafka did not acknowledge event {} within {}: spooling it", event.eventId(),
					this.publishTimeout);
		}
		catch (ExecutionException | RuntimeException ex) {
			this.metrics.published(System.nanoTime() - started, "failed");
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			logger.warn("Kafka refused event {} ({}): spooling it", event.eventId(), describe(cause));
		}
		return spool(event, key);
	}

	/**
	 * Sends an event to Kafka, keyed and with the headers a consumer reads before the
	 * value: the envelope's schema version and the event's kind. This is the one producer
	 * of {@link Topics#DIALPAD_EVENTS}, so the headers are written here only.
	 */
	CompletableFuture<SendResult<String, DialpadEventReceived>> send(DialpadEventReceived event, @Nullable String key) {
		var record = new ProducerRecord<>(Topics.DIALPAD_EVENTS, key, event);
		record.headers()
			.add(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8))
			.add(EventHeaders.EVENT_KIND, event.kind().wireName().getBytes(StandardCharsets.UTF_8));
		return this.kafkaTemplate.send(record);
	}

	private Delivery spool(DialpadEventReceived event, @Nullable String key) {
		try {
			this.spool.append(new SpooledEvent(key, event, this.traces.current()).toBytes());
			this.metrics.spooled(event.receivedAt());
			return Delivery.SPOOL;
		}
		catch (IOException | RuntimeException ex) {
			this.metrics.notDurable(ex instanceof SpoolFullException ? "spool-full" : "spool-failed");
			throw new EventNotDurableException("neither Kafka nor the spool could take the event: " + describe(ex), ex);
		}
	}

	static String describe(@Nullable Throwable ex) {
		return (ex != null) ? ex.getClass().getSimpleName() + ": " + ex.getMessage() : "unknown";
	}

}
