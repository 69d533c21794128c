package com.cti.admin.apps;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An app as the admin API shows it.
 *
 * @param appId its id
 * @param name its name
 * @param enabled false once disabled or deleted: its keys then stop working
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param disabledAt when it was disabled
 * @param liveKeys how many of its keys work now (active or in a rotation's grace period)
 * @param purgeRequestedAt when an operator asked for its data to be purged: from then on
 * its events are dropped
 * @param purgedAt when the processor deleted its data, null until it has
 */
public record AppView(UUID appId, String name, boolean enabled, Instant createdAt, Instant updatedAt,
		@Nullable Instant disabledAt, int liveKeys, @Nullable Instant purgeRequestedAt, @Nullable Instant purgedAt) {
}
