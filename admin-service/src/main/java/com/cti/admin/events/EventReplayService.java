package com.cti.admin.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.admin.apps.AppQueries;
import com.cti.admin.audit.Actor;
import com.cti.admin.audit.AuditLog;
import com.cti.model.AppCommand;
import com.cti.model.AssignEvent;
import com.cti.model.EventKind;
import com.cti.model.ReplayEvent;

import org.springframework.stereotype.Service;

/**
 * Asks the processor to apply an event of its raw log again, as a new event (its id
 * chosen here, so that the answer names it) that resolves the original: an unattributed
 * event assigned to an app ({@link AssignEvent}), or an event replayed for its own app
 * ({@link ReplayEvent}). What it validates here is what an admin can be told at once; the
 * processor, which owns the log, applies the command or refuses it.
 */
@Service
class EventReplayService {

	private final ParkedEventQueries events;

	private final AppQueries apps;

	private final EventCommandPublisher publisher;

	private final AuditLog auditLog;

	EventReplayService(ParkedEventQueries events, AppQueries apps, EventCommandPublisher publisher, AuditLog auditLog) {
		this.events = events;
		this.apps = apps;
		this.publisher = publisher;
		this.auditLog = auditLog;
	}

	/**
	 * Sends an unattributed event to the processor for the app; returns the new event id.
	 */
	Republished assign(UUID eventId, UUID appId, Actor actor) {
		ParkedEvent original = find(eventId);
		if (original.appId() != null) {
			throw AdminProblems.conflict("event-attributed", "Event already has an app",
					"Event " + eventId + " belongs to app " + original.appId() + "; POST /internal/events/" + eventId
							+ "/replay sends it again");
		}
		if (this.apps.get(appId).purgeRequestedAt() != null) {
			throw AdminProblems.conflict("app-purged", "App purged",
					"The data of app " + appId + " was purged (or is being purged): the processor drops its events");
		}
		UUID newEventId = UUID.randomUUID();
		return send(original, appId,
				new AssignEvent(eventId, newEventId, appId.toString(), Instant.now(), actor.name()), newEventId,
				"event_assigned", actor);
	}

	/**
	 * Sends an event to the processor again for the app it belongs to; returns the new
	 * event id.
	 */
	Republished replay(UUID eventId, Actor actor) {
		ParkedEvent original = find(eventId);
		UUID appId = original.appId();
		if (appId == null) {
			throw AdminProblems.conflict("event-unattributed", "Event has no app",
					"Event " + eventId + " is unattributed; POST /internal/events/" + eventId
							+ "/assign with {\"app_id\": ...} sends it for an app");
		}
		UUID newEventId = UUID.randomUUID();
		return send(original, appId,
				new ReplayEvent(eventId, newEventId, appId.toString(), Instant.now(), actor.name()), newEventId,
				"event_replayed", actor);
	}

	private Republished send(ParkedEvent original, UUID appId, AppCommand command, UUID newEventId, String action,
			Actor actor) {
		this.publisher.publish(command);
		this.auditLog.record(appId, null, action, actor,
				Map.of("event_id", original.eventId().toString(), "new_event_id", newEventId.toString()));
		return new Republished(newEventId, original.eventId(), appId, kind(original.kind()));
	}

	private ParkedEvent find(UUID eventId) {
		return this.events.find(eventId)
			.map(StoredEventDetail::event)
			.orElseThrow(() -> AdminProblems.notFound("event-not-found", "Event not found",
					"There is no event with id " + eventId + " in the event log"));
	}

	private static EventKind kind(String wireName) {
		try {
			return EventKind.valueOf(wireName.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return EventKind.UNKNOWN;
		}
	}

	/**
	 * An event sent to the processor again.
	 *
	 * @param eventId the new event id
	 * @param replayOf the original's id
	 * @param appId the app it was sent for
	 * @param kind its kind
	 */
	record Republished(UUID eventId, UUID replayOf, UUID appId, EventKind kind) {
	}

}
