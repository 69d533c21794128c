package com.cti.admin.subscriptions;

import java.time.Instant;
import java.util.UUID;

import com.cti.admin.dialpad.DialpadSubscription;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as recorded here, with what Dialpad has.
 *
 * @param subscriptionId Dialpad's id of the subscription
 * @param type {@code call} or {@code sms}
 * @param appId the app
 * @param webhookId Dialpad's id of the app's webhook
 * @param enabled whether it should send events
 * @param settings what it should ask for
 * @param createdAt when it was created here
 * @param updatedAt when it last changed here
 * @param dialpad the subscription at Dialpad
 */
record SubscriptionDetails(long subscriptionId, String type, UUID appId, long webhookId, boolean enabled,
		SubscriptionSettings settings, Instant createdAt, Instant updatedAt, AtDialpad dialpad) {

	static SubscriptionDetails of(StoredSubscription stored, @Nullable DialpadSubscription remote) {
		AtDialpad dialpad;
		if (remote == null) {
			dialpad = new AtDialpad(false, null, null, null, false);
		}
		else {
			SubscriptionSettings settings = SubscriptionSettings.of(remote, stored.type());
			boolean enabled = !Boolean.FALSE.equals(remote.enabled());
			dialpad = new AtDialpad(true, enabled, remote.webhookId(), settings,
					settings.sameAs(stored.settings()) && enabled == stored.enabled()
							&& Long.valueOf(stored.dialpadWebhookId()).equals(remote.webhookId()));
		}
		return new SubscriptionDetails(stored.dialpadSubscriptionId(), stored.type().wireName(), stored.appId(),
				stored.dialpadWebhookId(), stored.enabled(), stored.settings(), stored.createdAt(), stored.updatedAt(),
				dialpad);
	}

	/**
	 * The subscription at Dialpad.
	 *
	 * @param exists whether Dialpad still has it
	 * @param enabled whether Dialpad sends its events
	 * @param webhookId the webhook Dialpad sends them to
	 * @param settings its settings at Dialpad
	 * @param inSync whether everything matches the record here
	 */
	record AtDialpad(boolean exists, @Nullable Boolean enabled, @Nullable Long webhookId,
			@Nullable SubscriptionSettings settings, boolean inSync) {
	}

}
