package com.cti.processor.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.cti.model.AssignEvent;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import com.cti.model.ReplayEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out an admin's assignment or replay of an event of the raw log: a copy of the
 * original (the event id the admin chose, received when it was asked, the same kind,
 * payload and content hash) goes the way of an event from Kafka,
 * {@link EventBatchService#apply}, which records it under the app, projects it and
 * resolves the original. Under the app's lock, like a batch, so it sees a purge that came
 * first. A command it cannot carry out (the original gone, an assignment of an event that
 * has an app, an app that does not exist or is purged) is refused with a warning; a
 * repeated one adds nothing, as the log holds an event once per app and content hash.
 */
@Service
public class EventReplayService {

	private static final LogAccessor logger = new LogAccessor(EventReplayService.class);

	private final WebhookEventRepository events;

	private final AppDirectory apps;

	private final AppLocks appLocks;

	private final EventBatchService batchService;

	EventReplayService(WebhookEventRepository events, AppDirectory apps, AppLocks appLocks,
			EventBatchService batchService) {
		this.events = events;
		this.apps = apps;
		this.appLocks = appLocks;
		this.batchService = batchService;
	}

	/** Applies an unattributed event for the app the admin chose. */
	@Transactional
	public void assign(AssignEvent command) {
		UUID appId = lockedApp(command.appId(), command.eventId());
		if (appId == null) {
			return;
		}
		OriginalEvent original = original(command.eventId(), appId);
		if (original == null) {
			return;
		}
		if (original.appId() != null) {
			refuse(command.eventId(), appId, "it already belongs to app " + original.appId());
		}
		else if (this.apps.attribute(List.of(command.appId())).appOf(command.appId()).isEmpty()) {
			refuse(command.eventId(), appId, "there is no such app");
		}
		else {
			apply(original, appId, command.newEventId(), command.requestedAt());
		}
	}

	/** Applies an event again for the app it belongs to. */
	@Transactional
	public void replay(ReplayEvent command) {
		UUID appId = lockedApp(command.appId(), command.eventId());
		if (appId == null) {
			return;
		}
		OriginalEvent original = original(command.eventId(), appId);
		if (original == null) {
			return;
		}
		if (!appId.equals(original.appId())) {
			refuse(command.eventId(), appId, "it is not an event of that app (its app: " + original.appId() + ")");
		}
		else {
			apply(original, appId, command.newEventId(), command.requestedAt());
		}
	}

	private @Nullable UUID lockedApp(String appId, UUID eventId) {
		UUID parsed;
		try {
			parsed = UUID.fromString(appId.trim());
		}
		catch (IllegalArgumentException ex) {
			logger.warn(() -> "Ignoring the command to apply event " + eventId + " for '" + appId + "': not an app id");
			return null;
		}
		this.appLocks.lock(List.of(parsed));
		return parsed;
	}

	private @Nullable OriginalEvent original(UUID eventId, UUID appId) {
		Optional<OriginalEvent> original = this.events.find(eventId);
		if (original.isEmpty()) {
			refuse(eventId, appId, "the event log has no such event (any more)");
			return null;
		}
		if (!this.apps.purged(List.of(appId)).isEmpty()) {
			refuse(eventId, appId, "the app's data is purged (or being purged)");
			return null;
		}
		return original.get();
	}

	private void apply(OriginalEvent original, UUID appId, UUID newEventId, Instant requestedAt) {
		var copy = new DialpadEventReceived(newEventId, appId.toString(), kind(original.kind()), requestedAt,
				original.payload(), original.contentHash(), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		this.batchService.apply(List.of(new IncomingEvent(copy, original.id())), List.of());
		logger.info(() -> "Applied event " + original.id() + " again for app " + appId + " as event " + newEventId);
	}

	private static void refuse(UUID eventId, UUID appId, String why) {
		logger.warn(() -> "Refusing to apply event " + eventId + " for app " + appId + ": " + why);
	}

	private static EventKind kind(String wireName) {
		try {
			return EventKind.valueOf(wireName.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return EventKind.UNKNOWN;
		}
	}

}
