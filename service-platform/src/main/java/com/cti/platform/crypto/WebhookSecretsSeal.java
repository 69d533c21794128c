package com.cti.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.cti.model.WebhookSecretsUpdated;
import org.jspecify.annotations.Nullable;

/**
 * The secrets of a {@link WebhookSecretsUpdated} as they travel on the webhook secrets
 * topic: each one {@value #PREFIX} and the base64 of its AES-256-GCM ciphertext under
 * {@code CTI_ENCRYPTION_KEY}, bound to the app id and the field (associated data), so
 * that a ciphertext copied into another app's record, or from one field to the other,
 * does not open. A secret without the prefix is one written in clear before the topic was
 * sealed: it is read as it is, so that the records already on the compacted topic still
 * verify during an upgrade.
 */
public final class WebhookSecretsSeal {

	/** What starts a sealed secret. */
	public static final String PREFIX = "sealed:v1:";

	private final EncryptionKeyring keyring;

	public WebhookSecretsSeal(EncryptionKeyring keyring) {
		this.keyring = keyring;
	}

	/** The update with its secrets sealed, as the admin service publishes it. */
	public WebhookSecretsUpdated seal(WebhookSecretsUpdated update) {
		return new WebhookSecretsUpdated(update.appId(), update.signed(),
				seal(update.secret(), update.appId(), "secret"),
				seal(update.previousSecret(), update.appId(), "previous_secret"), update.previousSecretExpiresAt(),
				update.updatedAt());
	}

	/**
	 * The update with its secrets in clear, as the ingest service verifies with them.
	 * @throws EncryptionKeyring.UndecryptableException when a sealed secret does not open
	 * with these keys for this app
	 */
	public WebhookSecretsUpdated open(WebhookSecretsUpdated update) {
		return new WebhookSecretsUpdated(update.appId(), update.signed(),
				open(this.keyring, update.secret(), update.appId(), "secret"),
				open(this.keyring, update.previousSecret(), update.appId(), "previous_secret"),
				update.previousSecretExpiresAt(), update.updatedAt());
	}

	/** Whether the update carries a sealed secret (which only a keyring opens). */
	public static boolean isSealed(WebhookSecretsUpdated update) {
		return isSealed(update.secret()) || isSealed(update.previousSecret());
	}

	private @Nullable String seal(@Nullable String secret, String appId, String field) {
		if (secret == null) {
			return null;
		}
		byte[] sealed = this.keyring.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(appId, field));
		return PREFIX + Base64.getEncoder().encodeToString(sealed);
	}

	private static @Nullable String open(EncryptionKeyring keyring, @Nullable String secret, String appId,
			String field) {
		if (!isSealed(secret)) {
			return secret;
		}
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new EncryptionKeyring.UndecryptableException("it is not base64");
		}
		return new String(keyring.decrypt(sealed, associatedData(appId, field)), StandardCharsets.UTF_8);
	}

	private static boolean isSealed(@Nullable String secret) {
		return secret != null && secret.startsWith(PREFIX);
	}

	private static byte[] associatedData(String appId, String field) {
		return ("cti.webhook-secrets/" + appId + "/" + field).getBytes(StandardCharsets.UTF_8);
	}

}
