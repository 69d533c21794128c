package com.cti.admin.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An app's Dialpad webhook as the admin API shows it (never its secret).
 *
 * @param webhookId Dialpad's id of the webhook (what subscriptions name as
 * {@code endpoint_id})
 * @param appId the app it delivers to
 * @param hookUrl where Dialpad delivers
 * @param signed whether events are signed (HS256 JWT)
 * @param secretSource {@code generated}, {@code global} ({@code DIALPAD_WEBHOOK_SECRET})
 * or {@code none}
 * @param previousSecretExpiresAt until when the secret before the last rotation is still
 * accepted, while it is
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record WebhookView(long webhookId, UUID appId, String hookUrl, boolean signed, String secretSource,
		@Nullable Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
}
