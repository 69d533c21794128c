package com.cti.processor.purge;

import java.util.UUID;

import com.cti.model.AppCommand;
import com.cti.model.AppPurgeRequested;
import com.cti.model.AssignEvent;
import com.cti.model.ReplayEvent;
import com.cti.model.Topics;
import com.cti.model.WireJson;
import com.cti.platform.logging.EventLogContext;
import com.cti.processor.events.EventReplayService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives the admin service's commands about one app and hands each to the service that
 * carries it out: a purge to {@link AppDataPurge}, an assignment or a replay of an event
 * to {@link EventReplayService}. The offset is committed once that service's transaction
 * has. Its own consumer group, so that its rebalances never pause the events. Read with
 * {@link WireJson}'s mapper, which reads a command written without its {@code command}
 * field (before there were several kinds) as the purge it is; an unreadable command is
 * logged and skipped.
 */
@Component
class AppCommandListener {

	private static final LogAccessor logger = new LogAccessor(AppCommandListener.class);

	private final AppDataPurge purge;

	private final EventReplayService replays;

	AppCommandListener(AppDataPurge purge, EventReplayService replays) {
		this.purge = purge;
		this.replays = replays;
	}

	@KafkaListener(id = "cti-processor-app-commands", groupId = "${cti.processor.group-id:cti-processor}-app-commands",
			topics = Topics.APP_COMMANDS, batch = "false", concurrency = "1",
			containerPostProcessor = "appCommandsContainer", autoStartup = "${cti.processor.consume:true}",
			// one command per poll, and time for the purge of a big app (one
			// transaction):
			// a purge longer than the poll interval would be redelivered and run again
			properties = { "max.poll.records=1", "max.poll.interval.ms=1800000",
					"spring.deserializer.value.delegate.class=org.apache.kafka.common.serialization.ByteArrayDeserializer" })
	void onCommand(ConsumerRecord<String, byte @Nullable []> record) {
		AppCommand command = read(record);
		if (command instanceof AppPurgeRequested purgeRequested) {
			this.purge.purge(purgeRequested);
		}
		else if (command instanceof ReplayEvent || command instanceof AssignEvent) {
			applyAgain(command);
		}
	}

	private void applyAgain(AppCommand command) {
		try (var log = EventLogContext.open(originalEventId(command), command.appId(), null)) {
			applyAgainLogged(command);
		}
	}

	private void applyAgainLogged(AppCommand command) {
		try {
			if (command instanceof ReplayEvent replay) {
				this.replays.replay(replay);
			}
			else if (command instanceof AssignEvent assign) {
				this.replays.assign(assign);
			}
		}
		catch (DataIntegrityViolationException ex) {
			logger.warn(ex, () -> "The database refused the copy of the event: skipping " + command);
		}
	}

	private static @Nullable UUID originalEventId(AppCommand command) {
		if (command instanceof ReplayEvent replay) {
			return replay.eventId();
		}
		return (command instanceof AssignEvent assign) ? assign.eventId() : null;
	}

	private static @Nullable AppCommand read(ConsumerRecord<String, byte @Nullable []> record) {
		byte[] value = record.value();
		try {
			return (value != null) ? WireJson.mapper().readValue(value, AppCommand.class) : null;
		}
		catch (JacksonException ex) {
			logger.warn(() -> "Skipping an unreadable app command at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + ": " + ex.getOriginalMessage());
			return null;
		}
	}

}
