/**
 * The encryption keys of {@code CTI_ENCRYPTION_KEY} (Tink AES-256-GCM), in the one place
 * that the admin service (secrets at rest, secrets it publishes) and the ingest service
 * (the secrets it reads) share, and the sealed form of the secrets on the webhook secrets
 * topic.
 */
@NullMarked
package com.cti.platform.crypto;

import org.jspecify.annotations.NullMarked;
