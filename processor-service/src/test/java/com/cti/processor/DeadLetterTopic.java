package com.cti.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of the dead-letter topic from the beginning (no consumer group).
 */
final class DeadLetterTopic implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	DeadLetterTopic(String brokers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.CLIENT_ID_CONFIG, "dlt-reader-" + UUID.randomUUID()), new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.DIALPAD_EVENTS_DLT)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Every record read so far, after polling for new ones. */
	List<ConsumerRecord<String, byte[]>> records() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
		return this.records;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
