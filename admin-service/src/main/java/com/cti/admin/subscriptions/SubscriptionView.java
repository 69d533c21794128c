package com.cti.admin.subscriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the admin API shows it.
 *
 * @param subscriptionId Dialpad's id of the subscription
 * @param type {@code call} or {@code sms}
 * @param appId the app whose webhook receives the events
 * @param webhookId Dialpad's id of that webhook (the subscription's {@code endpoint_id})
 * @param enabled whether Dialpad sends events
 * @param settings what the subscription asks for
 * @param createdAt when it was created here
 * @param updatedAt when it last changed here
 */
record SubscriptionView(long subscriptionId, String type, UUID appId, long webhookId, boolean enabled,
		SubscriptionSettings settings, Instant createdAt, Instant updatedAt) {
}
