package com.cti.admin.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.ConfigurationV0;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the admin service keeps (webhook secrets, OAuth tokens) with
 * Tink's AES-256-GCM under the keys of {@link EncryptionKeys}. A sealed value is
 * {@code 0x01 | key id(4) | nonce(12) | ciphertext and tag}; the caller's context (e.g.
 * the row and column) is bound as associated data, so a value copied to another row does
 * not decrypt.
 */
@Component
public class SecretCipher {

	private static final Logger logger = LoggerFactory.getLogger(SecretCipher.class);

	/**
	 * Tink's prefix (0x01 and the key id) and nonce before the ciphertext, the tag after.
	 */
	private static final int MINIMUM_LENGTH = 5 + 12 + 16;

	private final @Nullable Aead aead;

	private final Set<Integer> keyIds = new HashSet<>();

	public SecretCipher(ProvisioningProperties properties) {
		EncryptionKeys.Resolved resolved = EncryptionKeys.resolve(properties);
		KeysetHandle keyset = resolved.keyset();
		if (keyset == null) {
			logger.warn("CTI_ENCRYPTION_KEY is not set: creating webhooks and connecting Dialpad OAuth will fail "
					+ "until it is (or, in development only, CTI_DEV_MODE=true derives one from INTERNAL_API_SECRET)");
			this.aead = null;
			return;
		}
		if (!resolved.origin().equals("CTI_ENCRYPTION_KEY")) {
			logger.warn("Encryption key {}: set CTI_ENCRYPTION_KEY in production", resolved.origin());
		}
		for (int i = 0; i < keyset.size(); i++) {
			this.keyIds.add(keyset.getAt(i).getId());
		}
		try {
			this.aead = keyset.getPrimitive(ConfigurationV0.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** Seals the value; the same context must be given to {@link #decrypt}. */
	public byte[] encrypt(String plaintext, String context) {
		try {
			return requireKey().encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Opens a value sealed by {@link #encrypt} with one of the keys and the same context.
	 */
	public String decrypt(byte[] sealed, String context) {
		Aead aead = requireKey();
		if (sealed.length < MINIMUM_LENGTH || sealed[0] != 1) {
			throw undecryptable("it is not in a format this service wrote");
		}
		if (!this.keyIds.contains(ByteBuffer.wrap(sealed, 1, 4).getInt())) {
			throw undecryptable("it was encrypted with another CTI_ENCRYPTION_KEY");
		}
		try {
			return new String(aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw undecryptable("it was altered or belongs to another record");
		}
	}

	/** Whether a key is configured. */
	public boolean available() {
		return this.aead != null;
	}

	private Aead requireKey() {
		if (this.aead == null) {
			throw ProvisioningProblems.notConfigured("encryption-key-missing", "Encryption key not set",
					"CTI_ENCRYPTION_KEY is not set: webhook secrets and OAuth tokens are stored encrypted with it. "
							+ "Set it to 32 random bytes in base64 (openssl rand -base64 32). In development only, "
							+ "CTI_DEV_MODE=true derives a key from INTERNAL_API_SECRET instead.");
		}
		return this.aead;
	}

	private static RuntimeException undecryptable(String reason) {
		return ProvisioningProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "stored-secret-undecryptable",
				"Stored secret cannot be decrypted", "A stored secret cannot be decrypted: " + reason
						+ ". Was CTI_ENCRYPTION_KEY changed? Restore the old key, or recreate the webhook / reconnect OAuth.");
	}

}
