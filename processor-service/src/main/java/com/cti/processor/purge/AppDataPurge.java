package com.cti.processor.purge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.cti.model.AppPurgeRequested;
import com.cti.processor.events.AppLocks;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes every row of an app from every table the processor owns, and records when in
 * {@code app_purges}, in one transaction.
 *
 * <p>
 * The admin service publishes the command through its outbox after its transaction
 * committed, so the request ({@code apps.purge_requested_at}) is visible when the command
 * arrives; a command without one is ignored. It then takes the app's lock, so that a
 * batch of the app's events being applied finishes first (and is deleted too), and the
 * batches after it see the request and drop the app's events. Repeating a purge deletes
 * nothing more.
 */
@Service
class AppDataPurge {

	private static final LogAccessor logger = new LogAccessor(AppDataPurge.class);

	private final AppDataRepository repository;

	private final AppLocks appLocks;

	AppDataPurge(AppDataRepository repository, AppLocks appLocks) {
		this.repository = repository;
		this.appLocks = appLocks;
	}

	@Transactional
	void purge(AppPurgeRequested command) {
		UUID appId = parse(command.appId());
		if (appId == null) {
			logger.warn(() -> "Ignoring a purge command for '" + command.appId() + "': not an app id");
			return;
		}
		Optional<Instant> purgedAt = this.repository.recordPurge(appId, command.requestedBy());
		if (purgedAt.isEmpty()) {
			logger.warn(() -> "Ignoring the purge command of app " + appId
					+ ": no such app, or its purge request was not committed");
			return;
		}
		this.appLocks.lock(List.of(appId));
		Map<String, Integer> deleted = this.repository.deleteAll(appId);
		logger.info(() -> "Purged the data of app " + appId + " (requested by " + command.requestedBy() + " at "
				+ command.requestedAt() + "): rows deleted " + deleted);
	}

	private static @Nullable UUID parse(String appId) {
		try {
			return UUID.fromString(appId.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
