package com.cti.admin.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.admin.dialpad.ProvisioningProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the admin service keeps (webhook secrets, OAuth tokens) with
 * AES-256-GCM. A sealed value is {@code version(1) | key id(4) | nonce(12) | ciphertext
 * and tag}; the caller's context (e.g. the row and column) is bound as associated data,
 * so a value copied to another row does not decrypt.
 */
@Component
public class SecretCipher {

	private static final Logger logger = LoggerFactory.getLogger(SecretCipher.class);

	private static final byte VERSION = 1;

	private static final int KEY_ID_LENGTH = 4;

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final @Nullable SecretKey key;

	private final byte[] keyId;

	public SecretCipher(ProvisioningProperties properties) {
		EncryptionKeys.Resolved resolved = EncryptionKeys.resolve(properties);
		byte[] material = resolved.key();
		if (material == null) {
			logger.warn("CTI_ENCRYPTION_KEY is not set: creating webhooks and connecting Dialpad OAuth will fail "
					+ "until it is (or, in development only, CTI_DEV_MODE=true derives one from INTERNAL_API_SECRET)");
			this.key = null;
			this.keyId = new byte[KEY_ID_LENGTH];
		}
		else {
			if (!resolved.origin().equals("CTI_ENCRYPTION_KEY")) {
				logger.warn("Encryption key {}: set CTI_ENCRYPTION_KEY in production", resolved.origin());
			}
			this.key = new SecretKeySpec(material, "AES");
			this.keyId = Arrays.copyOf(sha256(material), KEY_ID_LENGTH);
		}
	}

	/** Seals the value; the same context must be given to {@link #decrypt}. */
	public byte[] encrypt(String plaintext, String context) {
		SecretKey secretKey = requireKey();
		byte[] nonce = new byte[NONCE_LENGTH];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + KEY_ID_LENGTH + NONCE_LENGTH + sealed.length)
				.put(VERSION)
				.put(this.keyId)
				.put(nonce)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/** Opens a value sealed by {@link #encrypt} with the same key and context. */
	public String decrypt(byte[] sealed, String context) {
		SecretKey secretKey = requireKey();
		if (sealed.length < 1 + KEY_ID_LENGTH + NONCE_LENGTH + TAG_BITS / 8 || sealed[0] != VERSION) {
			throw undecryptable("it is not in a format this service wrote");
		}
		if (!Arrays.equals(this.keyId, Arrays.copyOfRange(sealed, 1, 1 + KEY_ID_LENGTH))) {
			throw undecryptable("it was encrypted with another CTI_ENCRYPTION_KEY");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, secretKey,
					new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID_LENGTH, NONCE_LENGTH));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			int offset = 1 + KEY_ID_LENGTH + NONCE_LENGTH;
			return new String(cipher.doFinal(sealed, offset, sealed.length - offset), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw undecryptable("it was altered or belongs to another record");
		}
	}

	/** Whether a key is configured. */
	public boolean available() {
		return this.key != null;
	}

	private SecretKey requireKey() {
		if (this.key == null) {
			throw ProvisioningProblems.notConfigured("encryption-key-missing", "Encryption key not set",
					"CTI_ENCRYPTION_KEY is not set: webhook secrets and OAuth tokens are stored encrypted with it. "
							+ "Set it to 32 random bytes in base64 (openssl rand -base64 32). In development only, "
							+ "CTI_DEV_MODE=true derives a key from INTERNAL_API_SECRET instead.");
		}
		return this.key;
	}

	private static RuntimeException undecryptable(String reason) {
		return ProvisioningProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "stored-secret-undecryptable",
				"Stored secret cannot be decrypted", "A stored secret cannot be decrypted: " + reason
						+ ". Was CTI_ENCRYPTION_KEY changed? Restore the old key, or recreate the webhook / reconnect OAuth.");
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
