package com.cti.admin.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the audit log, as {@code GET /internal/audit} shows it.
 *
 * @param id the entry's id, increasing
 * @param occurredAt when
 * @param appId the app concerned
 * @param keyId the key concerned, if any
 * @param action what happened
 * @param actor who asked
 * @param sourceAddress from where
 * @param details more facts
 */
record AuditEntry(long id, Instant occurredAt, UUID appId, @Nullable UUID keyId, String action, String actor,
		@Nullable String sourceAddress, JsonNode details) {
}
