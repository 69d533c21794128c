package com.cti.admin.apps;

import java.util.Optional;
import java.util.UUID;

import com.cti.admin.outbox.OutboxMessages;
import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the processor is owed on {@link Topics#APP_COMMANDS} for an app: the purge
 * command, as long as the committed request is not carried out yet (the outbox row's
 * payload is who asked).
 */
@Component
class AppPurgeMessages implements OutboxMessages {

	private final AppRepository apps;

	AppPurgeMessages(AppRepository apps) {
		this.apps = apps;
	}

	@Override
	public String topic() {
		return Topics.APP_COMMANDS;
	}

	@Override
	public Optional<Message> current(String key, @Nullable String payload) {
		UUID appId = UUID.fromString(key);
		if (this.apps.isPurged(appId)) {
			return Optional.empty();
		}
		return this.apps.purgeRequestedAt(appId)
			.map((requestedAt) -> new Message(
					new AppPurgeRequested(key, requestedAt, (payload != null) ? payload : "unknown")));
	}

}
