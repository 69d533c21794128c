package com.cti.platform;

import com.cti.model.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * How each topic is created, in one place: every service that writes or reads a topic
 * declares it (so that it exists whichever service starts first), and all of them declare
 * it alike.
 */
public final class CtiTopics {

	private CtiTopics() {
	}

	/** Every accepted event, keyed by call or message id. */
	public static NewTopic dialpadEvents(int partitions) {
		return TopicBuilder.name(Topics.DIALPAD_EVENTS).partitions(partitions).build();
	}

	/** Poison records, with the same partitions as the events. */
	public static NewTopic dialpadEventsDeadLetters(int partitions) {
		return TopicBuilder.name(Topics.DIALPAD_EVENTS_DLT).partitions(partitions).build();
	}

	/** Per-app webhook secrets: one partition, compacted, keyed by app id. */
	public static NewTopic webhookSecrets() {
		return TopicBuilder.name(Topics.WEBHOOK_SECRETS)
			.partitions(1)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	/**
	 * Commands from the admin service to the processor (purge, replay, assign): one
	 * partition.
	 */
	public static NewTopic appCommands() {
		return TopicBuilder.name(Topics.APP_COMMANDS).partitions(1).build();
	}

	/**
	 * The ingest instances' status reports: one partition, compacted in segments of an
	 * hour so that reports every ten seconds do not pile up for a week before compaction.
	 */
	public static NewTopic ingestStatus() {
		return TopicBuilder.name(Topics.INGEST_STATUS)
			.partitions(1)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.SEGMENT_MS_CONFIG, "3600000")
			.build();
	}

}
