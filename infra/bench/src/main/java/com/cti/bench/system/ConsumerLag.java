package com.cti.bench.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the processor's consumer group is behind the end of the events topic. The
 * processor commits offsets only after the database transaction that applied the records,
 * so a lag of zero means every event on the topic is in the projections.
 */
public final class ConsumerLag implements AutoCloseable {

	private final Admin admin;

	private final String group;

	private final String topic;

	public ConsumerLag(String bootstrapServers, String group, String topic) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.group = group;
		this.topic = topic;
	}

	/** The end offset of each partition of the topic. */
	public Map<TopicPartition, Long> endOffsets() throws Exception {
		var description = this.admin.describeTopics(java.util.List.of(this.topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(this.topic);
		Map<TopicPartition, OffsetSpec> request = description.partitions()
			.stream()
			.collect(
					Collectors.toMap((p) -> new TopicPartition(this.topic, p.partition()), (p) -> OffsetSpec.latest()));
		return this.admin.listOffsets(request)
			.all()
			.get(10, TimeUnit.SECONDS)
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
	}

	/** The committed offset of each partition (0 where the group committed none). */
	public Map<TopicPartition, Long> committed() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(this.group)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS);
		return offsets.entrySet()
			.stream()
			.filter((e) -> e.getKey().topic().equals(this.topic) && e.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
	}

	/** Events on the topic that the group has not committed yet. */
	public long lag() throws Exception {
		Map<TopicPartition, Long> committed = committed();
		long lag = 0;
		for (var end : endOffsets().entrySet()) {
			lag += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
		}
		return lag;
	}

	/** Total committed offset over the partitions. */
	public long committedTotal() throws Exception {
		return committed().values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Waits until the lag is zero; false when it was not within the timeout.
	 */
	public boolean awaitZero(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (lag() == 0) {
					return true;
				}
			}
			catch (Exception ex) {
				// the group may not exist yet
			}
			ServiceProcess.sleep(200);
		}
		return false;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
