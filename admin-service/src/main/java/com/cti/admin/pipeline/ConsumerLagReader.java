package com.cti.admin.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.cti.admin.pipeline.ConsumerLag.PartitionLag;
import com.cti.model.Topics;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * Reads the processor's consumer lag on {@link Topics#DIALPAD_EVENTS} with Kafka's admin
 * API: the group's committed offsets against the partitions' end offsets.
 */
@Component
class ConsumerLagReader {

	private final PipelineKafka kafka;

	private final PipelineProperties properties;

	ConsumerLagReader(PipelineKafka kafka, PipelineProperties properties) {
		this.kafka = kafka;
		this.properties = properties;
	}

	ConsumerLag read() {
		String group = this.properties.consumerGroup();
		String topic = Topics.DIALPAD_EVENTS;
		try {
			List<TopicPartition> partitions = this.kafka.partitions(topic);
			Map<TopicPartition, OffsetAndMetadata> committed = this.kafka.committed(group);
			Map<TopicPartition, Long> ends = this.kafka.offsets(partitions, OffsetSpec.latest());
			Map<TopicPartition, Long> starts = this.kafka.offsets(partitions, OffsetSpec.earliest());
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

}
