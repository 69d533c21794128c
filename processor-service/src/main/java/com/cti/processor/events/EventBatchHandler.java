package com.cti.processor.events;

import java.util.ArrayList;
import java.util.List;

import com.cti.model.DialpadEventReceived;
import com.cti.platform.logging.EventLogContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataIntegrityViolationException;
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

	private final EventBatchService batchService;

	private final PoisonEventPublisher poisonPublisher;

	EventBatchHandler(EventBatchService batchService, PoisonEventPublisher poisonPublisher) {
		this.batchService = batchService;
		this.poisonPublisher = poisonPublisher;
	}

	void handle(List<ConsumerRecord<String, DialpadEventReceived>> records) {
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
		try {
			this.batchService.apply(readable.stream().map(EventBatchHandler::incoming).toList(), poisons);
		}
		catch (DataIntegrityViolationException ex) {
			logger.warn(ex,
					() -> "The database refused a batch of " + records.size() + " events: applying them one by one");
			poisons.addAll(applyOneByOne(readable));
			this.batchService.apply(List.of(), poisons);
		}
		if (!poisons.isEmpty()) {
			poisons.forEach(EventBatchHandler::logPoison);
			this.poisonPublisher.publish(poisons);
		}
	}

	private static void logPoison(PoisonEvent poison) {
		DialpadEventReceived envelope = poison.record().value();
		try (var log = EventLogContext.open((envelope != null) ? envelope.eventId() : poison.stored().id(),
				poison.stored().claimedAppId(), null)) {
			logger.warn(() -> "Poison event to the dead-letter topic: " + poison.error());
		}
	}

	private List<PoisonEvent> applyOneByOne(List<ConsumerRecord<String, DialpadEventReceived>> records) {
		List<PoisonEvent> refused = new ArrayList<>();
		for (ConsumerRecord<String, DialpadEventReceived> record : records) {
			try {
				this.batchService.apply(List.of(incoming(record)), List.of());
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
