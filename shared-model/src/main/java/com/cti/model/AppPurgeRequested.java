package com.cti.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A command from the admin service to the processor: delete every row of the app's data
 * (raw event log, projections, change feed). Published on {@link Topics#APP_COMMANDS},
 * keyed by app id. The processor acts on it only when {@code apps.purge_requested_at} is
 * set, so a command whose request was not committed changes nothing. On the wire as
 * {@link WireJson} says, without the {@code command} field of the other
 * {@link AppCommand}s: it is the one a record without that field is read as, and writes
 * the bytes it wrote before there were others.
 *
 * @param appId the app, in the form the event envelope uses (a UUID as text)
 * @param requestedAt when the admin service recorded the request
 * @param requestedBy who asked (the admin API's actor)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
public record AppPurgeRequested(@JsonAlias("appId") String appId, @JsonAlias("requestedAt") Instant requestedAt,
		@JsonAlias("requestedBy") String requestedBy) implements AppCommand {

	public AppPurgeRequested {
		Objects.requireNonNull(appId, "appId");
		Objects.requireNonNull(requestedAt, "requestedAt");
		Objects.requireNonNull(requestedBy, "requestedBy");
	}

}
