package com.cti.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cti.model.DialpadEventReceived;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads everything a topic holds right now, from the beginning up to the end offsets
 * taken when called, with a consumer of its own (no group): what any reader of the topic
 * would see.
 */
public final class TopicRecords {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private TopicRecords() {
	}

	public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " up to " + end);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	public static List<DialpadEventReceived> envelopes(String bootstrapServers) {
		return readAll(bootstrapServers, com.cti.model.Topics.DIALPAD_EVENTS).stream()
			.map((record) -> envelope(record.value()))
			.toList();
	}

	public static DialpadEventReceived envelope(String json) {
		return jsonMapper.readValue(json, DialpadEventReceived.class);
	}

}
