package com.cti.processor.events;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.cti.model.DialpadEventReceived;
import com.cti.platform.logging.EventLogContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.stereotype.Component;

/**
 * Takes one polled batch: applies its readable events and records its poison records in
 * one transaction, then sends the poison records to the dead-letter topic. Throws only
 * when the batch must be tried again as a whole (the database or the broker down), so the
 * partition keeps moving past poison records but never past an unapplied event.
 *
 * <p>
 * An event the database refuses (a data error, SQL state class 22 or 23) would fail its
 * batch for ever: the batch is then applied one event per transaction, and the refused
 * event becomes a poison record.
 */
@Component
class EventBatchHandler {

	private static final LogAccessor logger = new LogAccessor(EventBatchHandler.class);

	/** The listener's id ({@code DialpadEventListener}), as the spans name it. */
	static final String LISTENER_ID = "cti-processor";

	private final EventBatchService batchService;

	private final PoisonEventPublisher poisonPublisher;

	private final EventMetrics metrics;

	private final ObservationRegistry observations;

	private final String groupId;

	EventBatchHandler(EventBatchService batchService, PoisonEventPublisher poisonPublisher, EventMetrics metrics,
			ObservationRegistry observations, @Value("${cti.processor.group-id:cti-processor}") String groupId) {
		this.batchService = batchService;
		this.poisonPublisher = poisonPublisher;
		this.metrics = metrics;
		this.observations = observations;
		this.groupId = groupId;
	}

	/**
	 * Handles a batch, each record observed from its arrival here to the end of its
	 * batch: a span per record, child of the span that sent it (its {@code traceparent}
	 * header), since the container observes only record listeners.
	 */
	void handle(List<ConsumerRecord<String, DialpadEventReceived>> records) {
		Map<ConsumerRecord<String, DialpadEventReceived>, Observation> observed = new IdentityHashMap<>();
		records.forEach((record) -> observed.put(record, observe(record)));
		try {
			handle(records, observed);
		}
		catch (RuntimeException ex) {
			observed.values().forEach((observation) -> observation.error(ex));
			throw ex;
		}
		finally {
			observed.values().forEach(Observation::stop);
		}
	}

	private Observation observe(ConsumerRecord<String, DialpadEventReceived> record) {
		return KafkaListenerObservation.LISTENER_OBSERVATION
			.observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
					() -> new KafkaRecordReceiverContext(record, LISTENER_ID, "", this.groupId, () -> ""),
					this.observations)
			.start();
	}

	private void handle(List<ConsumerRecord<String, DialpadEventReceived>> records,
			Map<ConsumerRecord<String, DialpadEventReceived>, Observation> observed) {
		List<ConsumerRecord<String, DialpadEventReceived>> readable = new ArrayList<>(records.size());
		List<PoisonEvent> poisons = new ArrayList<>();
		for (ConsumerRecord<String, DialpadEventReceived> record : records) {
			String problem = problemWith(record.value());
			if (problem != null) {
				poisons.add(PoisonEvent.of(record, problem));
			}
			else {
				readable.add(record);
			}
		}
		List<StoredEvent> recorded;
		int refused = 0;
		try {
			recorded = this.batchService.apply(readable.stream().map(EventBatchHandler::incoming).toList(), poisons);
		}
		catch (DataIntegrityViolationException ex) {
			logger.warn(ex,
					() -> "The database refused a batch of " + records.size() + " events: applying them one by one");
			recorded = new ArrayList<>();
			List<PoisonEvent> refusedEvents = applyOneByOne(readable, recorded);
			refused = refusedEvents.size();
			poisons.addAll(refusedEvents);
			this.batchService.apply(List.of(), poisons);
		}
		this.metrics.committed(readable.size() - refused, recorded, poisons.size());
		if (!poisons.isEmpty()) {
			poisons.forEach((poison) -> logPoison(poison, observed.get(poison.record())));
			this.poisonPublisher.publish(poisons);
		}
	}

	private static void logPoison(PoisonEvent poison, @Nullable Observation observation) {
		DialpadEventReceived envelope = poison.record().value();
		try (var scope = (observation != null) ? observation.openScope() : null;
				var log = EventLogContext.open((envelope != null) ? envelope.eventId() : poison.stored().id(),
						poison.stored().claimedAppId(), null)) {
			logger.warn(() -> "Poison event to the dead-letter topic: " + poison.error());
		}
	}

	private List<PoisonEvent> applyOneByOne(List<ConsumerRecord<String, DialpadEventReceived>> records,
			List<StoredEvent> recorded) {
		List<PoisonEvent> refused = new ArrayList<>();
		for (ConsumerRecord<String, DialpadEventReceived> record : records) {
			try {
				recorded.addAll(this.batchService.apply(List.of(incoming(record)), List.of()));
			}
			catch (DataIntegrityViolationException ex) {
				refused.add(PoisonEvent.of(record, "the database refused the event: " + ex.getMostSpecificCause()));
			}
		}
		return refused;
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

	private static IncomingEvent incoming(ConsumerRecord<String, DialpadEventReceived> record) {
		return new IncomingEvent(record.value(), null);
	}

}
