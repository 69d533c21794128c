package com.cti.admin.pipeline;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import com.cti.model.WireJson;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;

/**
 * Follows the compacted {@link Topics#INGEST_STATUS} topic from its beginning, keeping
 * the latest report of every ingest instance in memory: its one partition assigned to
 * this admin instance (no consumer group, nothing committed), so every admin instance
 * sees the same. A tombstone removes its instance (it stopped cleanly); an unreadable
 * report is skipped. It records how far it has read, so that a reader can wait until
 * everything written before its request has been read.
 */
@Component
class IngestStatusListener {

	static final String ID = "cti-admin-ingest-status";

	private static final Logger logger = LoggerFactory.getLogger(IngestStatusListener.class);

	private final Map<String, IngestStatus> latest = new ConcurrentHashMap<>();

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final Object progress = new Object();

	// one partition, as CtiTopics declares the topic
	@KafkaListener(id = ID, idIsGroup = false, concurrency = "1", containerPostProcessor = ContainerSettings.NAME,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.INGEST_STATUS,
					partitions = "0", partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")),
			properties = { "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
					"value.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
					"enable.auto.commit=false" })
	void onRecord(ConsumerRecord<String, @Nullable String> record, Consumer<?, ?> consumer) {
		apply(record);
		advanced(consumer);
	}

	@EventListener(condition = "#event.listenerId.startsWith('" + ID + "')")
	void onIdle(ListenerContainerIdleEvent event) {
		advanced(event.getConsumer());
	}

	/**
	 * The latest report of every instance once the topic has been read up to the given
	 * offsets, or null when it has not been within the timeout.
	 */
	@Nullable Collection<IngestStatus> readUpTo(Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (!readUpTo(ends)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(this.progress, left);
			}
		}
		return List.copyOf(this.latest.values());
	}

	private boolean readUpTo(Map<TopicPartition, Long> ends) {
		return ends.entrySet()
			.stream()
			.allMatch((end) -> this.positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
	}

	private void apply(ConsumerRecord<String, @Nullable String> record) {
		String value = record.value();
		if (record.key() == null) {
			return;
		}
		if (value == null) {
			this.latest.remove(record.key());
			return;
		}
		try {
			this.latest.put(record.key(), WireJson.mapper().readValue(value, IngestStatus.class));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable report of ingest instance {} at {}-{}@{}: {}", record.key(),
					record.topic(), record.partition(), record.offset(), ex.toString());
		}
	}

	private void advanced(Consumer<?, ?> consumer) {
		try {
			for (TopicPartition partition : consumer.assignment()) {
				this.positions.put(partition, consumer.position(partition));
			}
		}
		catch (KafkaException ex) {
			// a request waiting on it says Kafka did not hand the topic over
			logger.debug("No position on {} yet: {}", Topics.INGEST_STATUS, ex.toString());
			return;
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	/**
	 * The container never commits (no acknowledgement in manual mode) and, idle, says how
	 * far it has read often enough for a request that waits on it.
	 */
	@Component(ContainerSettings.NAME)
	static class ContainerSettings
			implements ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> {

		static final String NAME = "cti-admin-ingest-status-container";

		@Override
		public void postProcess(AbstractMessageListenerContainer<String, String> container) {
			container.getContainerProperties().setAckMode(AckMode.MANUAL);
			// an empty poll returns (and the container can say it idles) after this long
			container.getContainerProperties().setPollTimeout(100L);
			container.getContainerProperties().setIdleEventInterval(100L);
		}

	}

}
