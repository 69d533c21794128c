package com.cti.admin.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.apps.AdminProblems;
import com.cti.admin.apps.AppQueries;
import com.cti.admin.audit.Actor;
import com.cti.admin.audit.AuditLog;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.stereotype.Service;

/**
 * Sends an event of the raw log through the pipeline again, as a new envelope (new event
 * id, received now, current schema version, same kind, payload and content hash) that
 * names its original: an unattributed event assigned to an app, or an event replayed for
 * its own app. The processor resolves the original when it applies the copy.
 */
@Service
class EventReplayService {

	private final ParkedEventQueries events;

	private final AppQueries apps;

	private final ReplayPublisher publisher;

	private final AuditLog auditLog;

	private final JsonMapper jsonMapper;

	EventReplayService(ParkedEventQueries events, AppQueries apps, ReplayPublisher publisher, AuditLog auditLog,
			JsonMapper jsonMapper) {
		this.events = events;
		this.apps = apps;
		this.publisher = publisher;
		this.auditLog = auditLog;
		this.jsonMapper = jsonMapper;
	}

	/** Re-publishes an unattributed event for the app; returns the new event id. */
	Republished assign(UUID eventId, UUID appId, Actor actor) {
		StoredEventDetail original = find(eventId);
		if (original.event().appId() != null) {
			throw AdminProblems.conflict("event-attributed", "Event already has an app",
					"Event " + eventId + " belongs to app " + original.event().appId() + "; POST /internal/events/"
							+ eventId + "/replay sends it again");
		}
		if (this.apps.get(appId).purgeRequestedAt() != null) {
			throw AdminProblems.conflict("app-purged", "App purged",
					"The data of app " + appId + " was purged (or is being purged): the processor drops its events");
		}
		return republish(original, appId, "event_assigned", actor);
	}

	/** Re-publishes an event for the app it belongs to; returns the new event id. */
	Republished replay(UUID eventId, Actor actor) {
		StoredEventDetail original = find(eventId);
		UUID appId = original.event().appId();
		if (appId == null) {
			throw AdminProblems.conflict("event-unattributed", "Event has no app",
					"Event " + eventId + " is unattributed; POST /internal/events/" + eventId
							+ "/assign with {\"app_id\": ...} sends it for an app");
		}
		return republish(original, appId, "event_replayed", actor);
	}

	private Republished republish(StoredEventDetail original, UUID appId, String action, Actor actor) {
		EventKind kind = kind(original.event().kind());
		var event = new DialpadEventReceived(UUID.randomUUID(), appId.toString(), kind, Instant.now(),
				original.payload(), original.contentHash(), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		String key = key(kind, original);
		this.publisher.publish(event, key, original.event().eventId());
		this.auditLog.record(appId, null, action, actor,
				Map.of("event_id", original.event().eventId().toString(), "new_event_id", event.eventId().toString()));
		return new Republished(event.eventId(), original.event().eventId(), appId, kind, key);
	}

	private StoredEventDetail find(UUID eventId) {
		return this.events.find(eventId)
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
	 * The Kafka key that keeps a call's or message's events in order, as ingest chooses
	 * it: the call id of a call event, the message id of an SMS event.
	 */
	private @Nullable String key(EventKind kind, StoredEventDetail original) {
		String field = switch (kind) {
			case CALL -> "call_id";
			case SMS -> "id";
			default -> null;
		};
		if (field == null) {
			return null;
		}
		JsonNode value = parse(original.payload()).path(field);
		if (value.isNumber()) {
			return value.numberValue().toString();
		}
		if (value.isString()) {
			return value.asString();
		}
		Long resourceId = original.event().resourceId();
		return (resourceId != null) ? resourceId.toString() : null;
	}

	private JsonNode parse(String payload) {
		try {
			return this.jsonMapper.readTree(payload);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	/**
	 * An event sent again.
	 *
	 * @param eventId the new event id
	 * @param replayOf the original's id
	 * @param appId the app it was sent for
	 * @param kind its kind
	 * @param key its Kafka key
	 */
	record Republished(UUID eventId, UUID replayOf, UUID appId, EventKind kind, @Nullable String key) {
	}

}
