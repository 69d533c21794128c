package com.cti.admin.events;

/**
 * One event of the raw log with its payload.
 *
 * @param event what is listed of it
 * @param contentHash its deduplication hash
 * @param payload the Dialpad event JSON as received
 * @param schemaVersion the envelope version it came with
 */
record StoredEventDetail(ParkedEvent event, String contentHash, String payload, int schemaVersion) {
}
