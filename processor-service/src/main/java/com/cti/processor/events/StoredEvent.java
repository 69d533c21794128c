package com.cti.processor.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One row of the raw event log, as the processor records it.
 */
record StoredEvent(UUID id, @Nullable UUID appId, @Nullable String claimedAppId, String kind, @Nullable Long resourceId,
		@Nullable String state, @Nullable Long eventTimestamp, String contentHash, String payload, int schemaVersion,
		Instant receivedAt, boolean processed, @Nullable String error) {
}
