package com.cti.admin.subscriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code dialpad_subscriptions}, with the Dialpad id of its webhook.
 */
record StoredSubscription(UUID id, UUID appId, UUID webhookId, long dialpadWebhookId, long dialpadSubscriptionId,
		SubscriptionType type, SubscriptionSettings settings, boolean enabled, Instant createdAt, Instant updatedAt) {

	SubscriptionView view() {
		return new SubscriptionView(this.dialpadSubscriptionId, this.type.wireName(), this.appId, this.dialpadWebhookId,
				this.enabled, this.settings, this.createdAt, this.updatedAt);
	}

}
