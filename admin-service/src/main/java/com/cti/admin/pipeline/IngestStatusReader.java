package com.cti.admin.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cti.admin.pipeline.PipelineStatus.IngestInstance;
import com.cti.admin.pipeline.PipelineStatus.IngestInstances;
import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

/**
 * Reads the ingest instances' latest reports from the compacted
 * {@link Topics#INGEST_STATUS} topic at request time, from the beginning to its end, with
 * a consumer of its own that belongs to no group: every admin instance sees the same, and
 * nothing is kept between requests. A tombstone removes its instance (it stopped
 * cleanly); a report older than three of its intervals is stale (the instance stopped
 * reporting: crashed, or cut off from Kafka).
 */
@Component
class IngestStatusReader {

	private static final Logger logger = LoggerFactory.getLogger(IngestStatusReader.class);

	private static final int STALE_AFTER_INTERVALS = 3;

	private final KafkaProperties kafkaProperties;

	private final PipelineProperties properties;

	private final Clock clock;

	IngestStatusReader(KafkaProperties kafkaProperties, PipelineProperties properties, Clock clock) {
		this.kafkaProperties = kafkaProperties;
		this.properties = properties;
		this.clock = clock;
	}

	IngestInstances read() {
		Duration timeout = this.properties.kafkaTimeout();
		try (var consumer = new KafkaConsumer<>(consumerConfig(timeout), new StringDeserializer(),
				new ByteArrayDeserializer());
				var deserializer = new JacksonJsonDeserializer<>(IngestStatus.class).ignoreTypeHeaders()) {
			Map<String, IngestStatus> latest = new LinkedHashMap<>();
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_STATUS, timeout)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					return IngestInstances.unavailable("Kafka did not hand over " + Topics.INGEST_STATUS + " within "
							+ timeout.toMillis() + " ms");
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					apply(latest, record, deserializer);
				}
			}
			return instances(latest.values(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			return IngestInstances.unavailable(ex.toString());
		}
	}

	private static void apply(Map<String, IngestStatus> latest, ConsumerRecord<String, byte[]> record,
			JacksonJsonDeserializer<IngestStatus> deserializer) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			latest.remove(record.key());
			return;
		}
		IngestStatus status = parse(record, deserializer);
		if (status != null) {
			latest.put(record.key(), status);
		}
	}

	private static @Nullable IngestStatus parse(ConsumerRecord<String, byte[]> record,
			JacksonJsonDeserializer<IngestStatus> deserializer) {
		try {
			return deserializer.deserialize(record.topic(), record.value());
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring an unreadable report of ingest instance {} at {}-{}@{}: {}", record.key(),
					record.topic(), record.partition(), record.offset(), ex.toString());
			return null;
		}
	}

	static IngestInstances instances(Iterable<IngestStatus> reports, Instant now) {
		List<IngestInstance> instances = new ArrayList<>();
		for (IngestStatus report : reports) {
			Instant staleAt = report.reportedAt().plus(report.interval().multipliedBy(STALE_AFTER_INTERVALS));
			instances.add(new IngestInstance(report.instanceId(), report.spoolDepth(), report.spoolBytes(),
					report.reportedAt(), staleAt.isBefore(now)));
		}
		instances.sort(Comparator.comparing(IngestInstance::instanceId));
		return new IngestInstances(true, null, instances,
				instances.stream().mapToLong(IngestInstance::spoolDepth).sum());
	}

	private Map<String, Object> consumerConfig(Duration timeout) {
		Map<String, Object> config = new HashMap<>(this.kafkaProperties.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cti-admin-ingest-status");
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		return config;
	}

}
