package com.cti.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The envelope that the ingest service publishes for every accepted Dialpad webhook. On
 * the wire as {@link WireJson} says.
 *
 * @param eventId unique id given at ingest
 * @param appId the app the webhook was addressed to, as the URL named it; {@code null}
 * when it named none (the processor then attributes it, or parks it as unattributed)
 * @param kind what the payload is, by its shape
 * @param receivedAt when ingest received it
 * @param payload the Dialpad event JSON exactly as received (the JWT's payload, decoded;
 * for a backfilled call, the call as Dialpad's call list returned it)
 * @param contentHash what identifies the event's content, the same for every delivery of
 * it, for deduplication: SHA-256 (hex) of
 * {@code call:<call_id>:<state>:<event_timestamp>} for a call event,
 * {@code sms:<id>:<message_status>:<event_timestamp>} for an SMS event, and of the
 * payload's text for any other (computed by the ingest service, the topic's one producer)
 * @param schemaVersion version of this envelope, {@link #CURRENT_SCHEMA_VERSION} when
 * written by this code
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DialpadEventReceived(@JsonAlias("eventId") UUID eventId, @JsonAlias("appId") @Nullable String appId,
		EventKind kind, @JsonAlias("receivedAt") Instant receivedAt, String payload,
		@JsonAlias("contentHash") String contentHash, @JsonAlias("schemaVersion") int schemaVersion) {

	/** The envelope version this code writes and understands. */
	public static final int CURRENT_SCHEMA_VERSION = 1;

	public DialpadEventReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(contentHash, "contentHash");
	}

}
