package com.cti.admin.apikeys;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What may be shown of a key: never the key or its hash.
 *
 * @param keyId its id
 * @param prefix the first characters of the key, to recognise it
 * @param status {@code active}, {@code retiring} (rotated, in its grace period),
 * {@code expired} or {@code revoked}
 * @param createdAt when it was issued
 * @param rotatedAt when a newer key replaced it
 * @param expiresAt when its grace period ends
 * @param revokedAt when it was revoked
 * @param lastUsedAt when the query service last accepted it
 */
public record ApiKeyMetadata(UUID keyId, String prefix, String status, Instant createdAt, @Nullable Instant rotatedAt,
		@Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
}
