package com.cti.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A command from the admin service to the processor: apply an event of the raw log
 * ({@code webhook_events}) again for the app it belongs to (typically one the processor
 * failed to apply), as a new event that resolves the original. Published on
 * {@link Topics#APP_COMMANDS}, keyed by app id. On the wire as {@link WireJson} says.
 *
 * @param eventId the original event's id (its {@code webhook_events} row)
 * @param newEventId the id of the copy, chosen by the admin service (its answer names it)
 * @param appId the app the original belongs to, a UUID as text
 * @param requestedAt when the admin service took the request (the copy's received time)
 * @param requestedBy who asked (the admin API's actor)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayEvent(UUID eventId, UUID newEventId, String appId, Instant requestedAt,
		String requestedBy) implements AppCommand {

	public ReplayEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(newEventId, "newEventId");
		Objects.requireNonNull(appId, "appId");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(requestedBy, "requestedBy");
	}

}
