package com.cti.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The secrets that verify one app's Dialpad webhook, published by the admin service on
 * {@link Topics#WEBHOOK_SECRETS} (compacted, keyed by app id) so that the ingest service
 * verifies without a database. A tombstone (null value) means the app has no webhook of
 * its own any more: the global {@code DIALPAD_WEBHOOK_SECRET} applies again. On the wire
 * as {@link WireJson} says.
 *
 * @param appId the app the webhook delivers to
 * @param signed false when the webhook was deliberately created without a secret (Dialpad
 * then sends plain JSON)
 * @param secret the current secret, null when unsigned
 * @param previousSecret the secret before the last rotation, still valid until
 * {@code previousSecretExpiresAt}
 * @param previousSecretExpiresAt end of the rotation's grace period
 * @param updatedAt when the admin service made this change
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookSecretsUpdated(@JsonAlias("appId") String appId, boolean signed, @Nullable String secret,
		@JsonAlias("previousSecret") @Nullable String previousSecret,
		@JsonAlias("previousSecretExpiresAt") @Nullable Instant previousSecretExpiresAt,
		@JsonAlias("updatedAt") Instant updatedAt) {

	public WebhookSecretsUpdated {
		Objects.requireNonNull(appId, "appId");
		Objects.requireNonNull(updatedAt, "updatedAt");
		if (signed && secret == null) {
			throw new IllegalArgumentException("a signed webhook needs a secret");
		}
	}

	/** Never prints the secrets (records print every component by default). */
	@Override
	public String toString() {
		return "WebhookSecretsUpdated[appId=" + this.appId + ", signed=" + this.signed + ", previousSecretExpiresAt="
				+ this.previousSecretExpiresAt + ", updatedAt=" + this.updatedAt + "]";
	}

}
