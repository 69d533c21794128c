package com.cti.admin.usermappings;

import java.time.Instant;
import java.util.UUID;

/**
 * A Dialpad user as the client app knows them.
 *
 * @param appId the app
 * @param dialpadUserId the Dialpad user id
 * @param clientUserId the app's own id for that user
 * @param createdAt when the mapping was made
 * @param updatedAt when it last changed
 */
record UserMapping(UUID appId, long dialpadUserId, String clientUserId, Instant createdAt, Instant updatedAt) {
}
