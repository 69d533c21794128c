package com.cti.admin.crypto;

import java.nio.charset.StandardCharsets;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.model.WebhookSecretsUpdated;
import com.cti.platform.crypto.EncryptionKeyring;
import com.cti.platform.crypto.WebhookSecretsSeal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the admin service keeps (webhook secrets, OAuth tokens) with
 * Tink's AES-256-GCM under the keys of {@link EncryptionKeys}, and those it publishes to
 * the ingest service. A sealed value is
 * {@code 0x01 | key id(4) | nonce(12) | ciphertext and tag}; the caller's context (e.g.
 * the row and column) is bound as associated data, so a value copied to another row does
 * not decrypt.
 */
@Component
public class SecretCipher {

	private static final Logger logger = LoggerFactory.getLogger(SecretCipher.class);

	private final @Nullable EncryptionKeyring keyring;

	public SecretCipher(ProvisioningProperties properties) {
		EncryptionKeys.Resolved resolved = EncryptionKeys.resolve(properties);
		this.keyring = resolved.keyring();
		if (this.keyring == null) {
			logger.warn("CTI_ENCRYPTION_KEY is not set: creating webhooks and connecting Dialpad OAuth will fail "
					+ "until it is (or, in development only, CTI_DEV_MODE=true derives one from INTERNAL_API_SECRET)");
		}
		else if (!resolved.origin().equals("CTI_ENCRYPTION_KEY")) {
			logger.warn("Encryption key {}: set CTI_ENCRYPTION_KEY in production", resolved.origin());
		}
	}

	/** Seals the value; the same context must be given to {@link #decrypt}. */
	public byte[] encrypt(String plaintext, String context) {
		return requireKey().encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
				context.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Opens a value sealed by {@link #encrypt} with one of the keys and the same context.
	 */
	public String decrypt(byte[] sealed, String context) {
		try {
			return new String(requireKey().decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (EncryptionKeyring.UndecryptableException ex) {
			throw undecryptable(ex.getMessage());
		}
	}

	/**
	 * The update with its secrets sealed for the webhook secrets topic, which the ingest
	 * service opens with the same {@code CTI_ENCRYPTION_KEY}.
	 */
	public WebhookSecretsUpdated sealForTopic(WebhookSecretsUpdated update) {
		return new WebhookSecretsSeal(requireKey()).seal(update);
	}

	/** Whether a key is configured. */
	public boolean available() {
		return this.keyring != null;
	}

	private EncryptionKeyring requireKey() {
		if (this.keyring == null) {
			throw ProvisioningProblems.notConfigured("encryption-key-missing", "Encryption key not set",
					"CTI_ENCRYPTION_KEY is not set: webhook secrets and OAuth tokens are stored encrypted with it. "
							+ "Set it to 32 random bytes in base64 (openssl rand -base64 32). In development only, "
							+ "CTI_DEV_MODE=true derives a key from INTERNAL_API_SECRET instead.");
		}
		return this.keyring;
	}

	private static RuntimeException undecryptable(String reason) {
		return ProvisioningProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "stored-secret-undecryptable",
				"Stored secret cannot be decrypted", "A stored secret cannot be decrypted: " + reason
						+ ". Was CTI_ENCRYPTION_KEY changed? Restore the old key, or recreate the webhook / reconnect OAuth.");
	}

}
