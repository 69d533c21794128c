package com.cti.bench.ledger;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the dead-letter topic from its beginning to its end and gives the MD5 of the
 * payload of each envelope on it.
 */
public final class DeadLetters {

	private final String bootstrapServers;

	private final JsonMapper json = JsonMapper.builder().build();

	public DeadLetters(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	public Set<String> payloadMd5s() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		Set<String> md5s = new HashSet<>();
		try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<PartitionInfo> partitions = consumer.partitionsFor(Topics.DIALPAD_EVENTS_DLT, Duration.ofSeconds(10));
			if (partitions == null || partitions.isEmpty()) {
				return md5s;
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!reached(consumer, end) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					md5s.add(payloadMd5(record.value()));
				}
			}
		}
		return md5s;
	}

	private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

	private String payloadMd5(byte[] value) {
		if (value == null) {
			return "";
		}
		try {
			JsonNode envelope = this.json.readTree(value);
			JsonNode payload = envelope.get("payload");
			if (payload != null && payload.isString()) {
				return LedgerEntry.md5(payload.asString());
			}
		}
		catch (JacksonException ex) {
			// not an envelope: it cannot match an accepted event
		}
		return "";
	}

}
