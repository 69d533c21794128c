package com.cti.ingest.secrets;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What opens the secrets on the webhook secrets topic.
 *
 * @param encryptionKey the admin service's {@code CTI_ENCRYPTION_KEY} (the same keys, in
 * the same order); without it, records whose secrets are sealed are ignored, so only the
 * global {@code DIALPAD_WEBHOOK_SECRET} and the records written in clear before the
 * upgrade verify
 */
@ConfigurationProperties("cti.ingest.secrets")
public record WebhookSecretsProperties(@Nullable String encryptionKey) {

	@Override
	public String toString() {
		return "WebhookSecretsProperties[encryptionKey=" + ((this.encryptionKey != null) ? "(set)" : "(unset)") + "]";
	}

}
