package com.cti.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cti.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events topic's offsets: what a consumer group committed, and the end of the log.
 */
final class KafkaOffsets implements AutoCloseable {

	private final Admin admin;

	KafkaOffsets(String brokers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
	}

	/** The group's committed offsets on the events topic, by partition. */
	Map<Integer, Long> committed(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<Integer, Long> result = new HashMap<>();
		offsets.forEach((partition, offset) -> {
			if (partition.topic().equals(Topics.DIALPAD_EVENTS) && offset != null) {
				result.put(partition.partition(), offset.offset());
			}
		});
		return result;
	}

	long committedTotal(String group) throws Exception {
		return committed(group).values().stream().mapToLong(Long::longValue).sum();
	}

	long endTotal() throws Exception {
		var partitions = this.admin.describeTopics(List.of(Topics.DIALPAD_EVENTS))
			.allTopicNames()
			.get()
			.get(Topics.DIALPAD_EVENTS)
			.partitions();
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((info) -> request.put(new TopicPartition(Topics.DIALPAD_EVENTS, info.partition()),
				OffsetSpec.latest()));
		return this.admin.listOffsets(request).all().get().values().stream().mapToLong((info) -> info.offset()).sum();
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
