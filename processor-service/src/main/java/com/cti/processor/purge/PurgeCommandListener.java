package com.cti.processor.purge;

import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives the admin service's purge commands and hands them to {@link AppDataPurge}; the
 * offset is committed once the purge's transaction has.
 */
@Component
class PurgeCommandListener {

	private final AppDataPurge purge;

	PurgeCommandListener(AppDataPurge purge) {
		this.purge = purge;
	}

	@KafkaListener(id = "cti-processor-app-commands", groupId = "${cti.processor.group-id:cti-processor}-app-commands",
			topics = Topics.APP_COMMANDS, containerFactory = "processorAppCommandsContainerFactory",
			autoStartup = "${cti.processor.consume:true}")
	void onPurgeRequested(AppPurgeRequested command) {
		this.purge.purge(command);
	}

}
