package com.cti.admin.pipeline;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What the pipeline status asks Kafka's admin API (partitions, offsets, a group's
 * committed offsets), each answer awaited no longer than
 * {@code cti.admin.pipeline.kafka-timeout}; one client, made on first use.
 */
@Component
class PipelineKafka implements DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final PipelineProperties properties;

	private volatile @Nullable AdminClient adminClient;

	PipelineKafka(KafkaAdmin kafkaAdmin, PipelineProperties properties) {
		this.kafkaAdmin = kafkaAdmin;
		this.properties = properties;
	}

	List<TopicPartition> partitions(String topic) throws InterruptedException, ExecutionException, TimeoutException {
		TopicDescription description = get(client().describeTopics(List.of(topic)).allTopicNames()).get(topic);
		return description.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
	}

	Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, ListOffsetsResultInfo> result = get(client().listOffsets(request).all());
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	Map<TopicPartition, OffsetAndMetadata> committed(String group)
			throws InterruptedException, ExecutionException, TimeoutException {
		return get(client().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
	}

	private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(this.properties.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	private AdminClient client() {
		AdminClient client = this.adminClient;
		if (client == null) {
			synchronized (this) {
				client = this.adminClient;
				if (client == null) {
					Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
					int timeout = (int) this.properties.kafkaTimeout().toMillis();
					config.put("request.timeout.ms", timeout);
					config.put("default.api.timeout.ms", timeout);
					client = AdminClient.create(config);
					this.adminClient = client;
				}
			}
		}
		return client;
	}

	@Override
	public void destroy() {
		AdminClient client = this.adminClient;
		if (client != null) {
			client.close(Duration.ofSeconds(2));
		}
	}

}
