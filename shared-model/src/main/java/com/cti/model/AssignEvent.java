package com.cti.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A command from the admin service to the processor: apply an unattributed event of the
 * raw log ({@code webhook_events}, parked without an app) for the app an admin chose, as
 * a new event that resolves the original. Published on {@link Topics#APP_COMMANDS}, keyed
 * by the chosen app's id. On the wire as {@link WireJson} says.
 *
 * @param eventId the original event's id (its {@code webhook_events} row)
 * @param newEventId the id of the copy, chosen by the admin service (its answer names it)
 * @param appId the app to apply it for, a UUID as text
 * @param requestedAt when the admin service took the request (the copy's received time)
 * @param requestedBy who asked (the admin API's actor)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssignEvent(UUID eventId, UUID newEventId, String appId, Instant requestedAt,
		String requestedBy) implements AppCommand {

	public AssignEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(newEventId, "newEventId");
		Objects.requireNonNull(appId, "appId");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(requestedBy, "requestedBy");
	}

}
