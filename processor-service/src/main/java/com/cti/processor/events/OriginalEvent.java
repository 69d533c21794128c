package com.cti.processor.events;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event of the raw log that an admin asked to apply again: what its copy is made of.
 *
 * @param id its {@code webhook_events} id
 * @param appId its app, null while unattributed
 * @param kind its kind's wire name
 * @param payload the Dialpad event JSON as recorded
 * @param contentHash its deduplication hash
 */
record OriginalEvent(UUID id, @Nullable UUID appId, String kind, String payload, String contentHash) {
}
