package com.cti.admin.pipeline;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How far the processor's consumer group is behind on the events topic.
 *
 * @param group the consumer group
 * @param topic the topic
 * @param available false when Kafka did not answer (then {@code error} says why)
 * @param error why the lag is unknown
 * @param totalLag the records not yet consumed, over all partitions
 * @param committed whether the group has committed any offset (before that, the lag
 * counts from the start of each partition)
 * @param partitions the lag per partition
 */
record ConsumerLag(String group, String topic, boolean available, @Nullable String error, @Nullable Long totalLag,
		boolean committed, List<PartitionLag> partitions) {

	static ConsumerLag unavailable(String group, String topic, String error) {
		return new ConsumerLag(group, topic, false, error, null, false, List.of());
	}

	/**
	 * One partition.
	 *
	 * @param partition its number
	 * @param endOffset the offset of the next record to be written
	 * @param committedOffset the group's committed offset, null when none
	 * @param lag records not yet consumed
	 */
	record PartitionLag(int partition, long endOffset, @Nullable Long committedOffset, long lag) {
	}

}
