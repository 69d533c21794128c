package com.cti.ingest.secrets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.cti.model.WebhookSecretsUpdated;
import org.jspecify.annotations.Nullable;

/**
 * What verifies one app's webhook: its current secret, its previous secret until the end
 * of the rotation's grace period, and whether it was deliberately created without a
 * secret (Dialpad then sends plain JSON).
 *
 * @param signed false when the webhook has no secret
 * @param secret the current secret
 * @param previousSecret the secret before the last rotation
 * @param previousSecretExpiresAt the end of the grace period; without it the previous
 * secret is not accepted
 */
public record AppWebhook(boolean signed, @Nullable String secret, @Nullable String previousSecret,
		@Nullable Instant previousSecretExpiresAt) {

	static AppWebhook of(WebhookSecretsUpdated update) {
		return new AppWebhook(update.signed(), update.secret(), update.previousSecret(),
				update.previousSecretExpiresAt());
	}

	/** The app's own secrets that verify a token at the given time. */
	public List<String> secretsAt(Instant now) {
		List<String> secrets = new ArrayList<>(2);
		if (this.secret != null && !this.secret.isEmpty()) {
			secrets.add(this.secret);
		}
		if (this.previousSecret != null && !this.previousSecret.isEmpty() && this.previousSecretExpiresAt != null
				&& now.isBefore(this.previousSecretExpiresAt)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

	/** Whether plain, unsigned JSON events are accepted for the app. */
	public boolean acceptsUnsigned() {
		return !this.signed;
	}

	@Override
	public String toString() {
		return "AppWebhook[signed=" + this.signed + "]";
	}

}
