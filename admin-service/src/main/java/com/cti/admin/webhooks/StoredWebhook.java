package com.cti.admin.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code dialpad_webhooks}: an app's webhook at Dialpad, its secrets encrypted.
 */
record StoredWebhook(UUID id, UUID appId, long dialpadWebhookId, String hookUrl, boolean signed, String secretSource,
		byte @Nullable [] secretEncrypted, byte @Nullable [] previousSecretEncrypted,
		@Nullable Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {

	/** The associated data that binds the encrypted current secret to this row. */
	String secretContext() {
		return "dialpad_webhooks.secret:" + this.id;
	}

	/** The associated data that binds the encrypted previous secret to this row. */
	String previousSecretContext() {
		return "dialpad_webhooks.previous_secret:" + this.id;
	}

	/** Whether the previous secret is still valid at this instant. */
	boolean previousSecretValidAt(Instant now) {
		return this.previousSecretEncrypted != null && this.previousSecretExpiresAt != null
				&& this.previousSecretExpiresAt.isAfter(now);
	}

	WebhookView view(Instant now) {
		return new WebhookView(this.dialpadWebhookId, this.appId, this.hookUrl, this.signed, this.secretSource,
				previousSecretValidAt(now) ? this.previousSecretExpiresAt : null, this.createdAt, this.updatedAt);
	}

}
