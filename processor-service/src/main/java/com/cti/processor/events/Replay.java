package com.cti.processor.events;

import java.util.UUID;

/**
 * A re-published event that was attributed: its original row is resolved by the row of
 * the app and content hash that now holds it.
 *
 * @param original the id of the original {@code webhook_events} row (parked, or failed)
 * @param appId the app the event is now attributed to
 * @param contentHash the event's content hash
 */
record Replay(UUID original, UUID appId, String contentHash) {
}
