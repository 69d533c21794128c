package com.cti.admin.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event of the raw log ({@code webhook_events}) as the admin lists it, without its
 * payload.
 *
 * @param eventId its id (the envelope's {@code eventId})
 * @param appId the app it belongs to; null while unattributed
 * @param claimedAppId the app id its URL named, as received
 * @param kind call, sms, ...
 * @param resourceId the call id or message id
 * @param state the call state or message status
 * @param eventTimestamp Dialpad's {@code event_timestamp} (ms)
 * @param receivedAt when ingest received it
 * @param processed whether the processor applied it
 * @param processedAt when
 * @param processingError why the processor could not apply it
 */
record ParkedEvent(UUID eventId, @Nullable UUID appId, @Nullable String claimedAppId, String kind,
		@Nullable Long resourceId, @Nullable String state, @Nullable Long eventTimestamp, Instant receivedAt,
		boolean processed, @Nullable Instant processedAt, @Nullable String processingError) {
}
