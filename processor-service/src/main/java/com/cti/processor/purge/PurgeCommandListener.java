package com.cti.processor.purge;

import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives the admin service's purge commands and hands them to {@link AppDataPurge}; the
 * offset is committed once the purge's transaction has. Its own consumer group, so that
 * its rebalances never pause the events.
 */
@Component
class PurgeCommandListener {

	private final AppDataPurge purge;

	PurgeCommandListener(AppDataPurge purge) {
		this.purge = purge;
	}

	@KafkaListener(id = "cti-processor-app-commands", groupId = "${cti.processor.group-id:cti-processor}-app-commands",
			topics = Topics.APP_COMMANDS, batch = "false", concurrency = "1",
			containerPostProcessor = "appCommandsContainer", autoStartup = "${cti.processor.consume:true}",
			// one command per poll, and time for the purge of a big app (one
			// transaction): a
			// purge longer than the poll interval would be redelivered and run again
			properties = { "max.poll.records=1", "max.poll.interval.ms=1800000",
					"spring.json.value.default.type=com.cti.model.AppPurgeRequested" })
	void onPurgeRequested(AppPurgeRequested command) {
		this.purge.purge(command);
	}

}
