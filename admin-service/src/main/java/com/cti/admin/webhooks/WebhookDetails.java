package com.cti.admin.webhooks;

import java.time.Instant;
import java.util.UUID;

import com.cti.admin.dialpad.DialpadWebhook;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as stored here, with what Dialpad says of it.
 *
 * @param webhookId Dialpad's id of the webhook
 * @param appId the app it delivers to
 * @param hookUrl where Dialpad should deliver
 * @param signed whether events should be signed
 * @param secretSource where the secret came from
 * @param previousSecretExpiresAt end of the current rotation's grace period, if any
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param dialpad what Dialpad has
 */
record WebhookDetails(long webhookId, UUID appId, String hookUrl, boolean signed, String secretSource,
		@Nullable Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt, AtDialpad dialpad) {

	static WebhookDetails of(WebhookView view, @Nullable DialpadWebhook atDialpad) {
		AtDialpad dialpad = (atDialpad != null)
				? new AtDialpad(true, atDialpad.hookUrl(), atDialpad.signed(),
						view.hookUrl().equals(atDialpad.hookUrl()) && view.signed() == atDialpad.signed())
				: new AtDialpad(false, null, null, false);
		return new WebhookDetails(view.webhookId(), view.appId(), view.hookUrl(), view.signed(), view.secretSource(),
				view.previousSecretExpiresAt(), view.createdAt(), view.updatedAt(), dialpad);
	}

	/**
	 * The webhook at Dialpad.
	 *
	 * @param exists whether Dialpad still has it
	 * @param hookUrl its URL at Dialpad
	 * @param signed whether Dialpad signs its events
	 * @param inSync whether URL and signing match what is stored here
	 */
	record AtDialpad(boolean exists, @Nullable String hookUrl, @Nullable Boolean signed, boolean inSync) {
	}

}
