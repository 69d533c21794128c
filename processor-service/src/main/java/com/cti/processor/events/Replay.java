package com.cti.processor.events;

import java.util.UUID;

/**
 * The copy of an event applied again (assigned or replayed) for an app: its original row
 * is resolved by the row of the app and content hash that now holds it.
 *
 * @param original the id of the original {@code webhook_events} row (parked, or failed)
 * @param appId the app the event is now attributed to
 * @param contentHash the event's content hash
 */
record Replay(UUID original, UUID appId, String contentHash) {
}
