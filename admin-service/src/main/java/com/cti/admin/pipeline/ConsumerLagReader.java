package com.cti.admin.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.cti.admin.pipeline.ConsumerLag.PartitionLag;
import com.cti.model.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads the processor's consumer lag on {@link Topics#DIALPAD_EVENTS} with Kafka's admin
 * API: the group's committed offsets against the partitions' end offsets.
 */
@Component
class ConsumerLagReader implements DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final PipelineProperties properties;

	private volatile @Nullable AdminClient adminClient;

	ConsumerLagReader(KafkaAdmin kafkaAdmin, PipelineProperties properties) {
		this.kafkaAdmin = kafkaAdmin;
		this.properties = properties;
	}

	ConsumerLag read() {
		String group = this.properties.consumerGroup();
		String topic = Topics.DIALPAD_EVENTS;
		try {
			List<TopicPartition> partitions = partitions(topic);
			Map<TopicPartition, OffsetAndMetadata> committed = get(
					client().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
			Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
			Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
			List<PartitionLag> lags = new ArrayList<>();
			boolean anyCommitted = false;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = committed.get(partition);
				anyCommitted |= (offset != null);
				long end = ends.get(partition);
				long from = (offset != null) ? offset.offset() : starts.get(partition);
				lags.add(new PartitionLag(partition.partition(), end, (offset != null) ? offset.offset() : null,
						Math.max(0, end - from)));
			}
			long total = lags.stream().mapToLong(PartitionLag::lag).sum();
			return new ConsumerLag(group, topic, true, null, total, anyCommitted, lags);
		}
		catch (ExecutionException ex) {
			return ConsumerLag.unavailable(group, topic, String.valueOf(ex.getCause()));
		}
		catch (TimeoutException ex) {
			return ConsumerLag.unavailable(group, topic,
					"Kafka did not answer within " + this.properties.kafkaTimeout().toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ConsumerLag.unavailable(group, topic, "interrupted");
		}
		catch (RuntimeException ex) {
			return ConsumerLag.unavailable(group, topic, ex.toString());
		}
	}

	private List<TopicPartition> partitions(String topic)
			throws InterruptedException, ExecutionException, TimeoutException {
		TopicDescription description = get(client().describeTopics(List.of(topic)).allTopicNames()).get(topic);
		return description.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.sorted(Comparator.comparingInt(TopicPartition::partition))
			.toList();
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, ListOffsetsResultInfo> result = get(client().listOffsets(request).all());
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
			throws InterruptedException, ExecutionException, TimeoutException {
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
