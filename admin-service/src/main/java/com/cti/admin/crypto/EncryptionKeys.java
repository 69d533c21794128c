package com.cti.admin.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.cti.admin.config.ProvisioningProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Where the encryption key comes from: {@code CTI_ENCRYPTION_KEY} (32 bytes, base64), or
 * in development mode only, when it is unset, HKDF-SHA256 of {@code INTERNAL_API_SECRET}.
 * Outside development mode without {@code CTI_ENCRYPTION_KEY} there is no key: the
 * service starts, and whatever needs the key answers 503 naming the setting.
 */
final class EncryptionKeys {

	static final int KEY_LENGTH = 32;

	private static final byte[] SALT = "cti-admin-encryption-key".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INFO = "cti dev key from INTERNAL_API_SECRET v1".getBytes(StandardCharsets.UTF_8);

	private EncryptionKeys() {
	}

	static Resolved resolve(ProvisioningProperties properties) {
		if (StringUtils.hasText(properties.encryptionKey())) {
			return new Resolved(decode(properties.encryptionKey().strip()), "CTI_ENCRYPTION_KEY");
		}
		if (properties.devMode() && StringUtils.hasText(properties.internalApiSecret())) {
			byte[] key = hkdf(properties.internalApiSecret().getBytes(StandardCharsets.UTF_8), SALT, INFO, KEY_LENGTH);
			return new Resolved(key, "derived from INTERNAL_API_SECRET (development mode)");
		}
		return new Resolved(null, "none");
	}

	private static byte[] decode(String encoded) {
		byte[] key;
		try {
			key = (encoded.contains("-") || encoded.contains("_")) ? Base64.getUrlDecoder().decode(encoded)
					: Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"CTI_ENCRYPTION_KEY is not base64: set it to 32 random bytes, e.g. `openssl rand -base64 32`");
		}
		if (key.length != KEY_LENGTH) {
			throw new IllegalStateException("CTI_ENCRYPTION_KEY must be 32 bytes (AES-256) in base64, but it is "
					+ key.length + " bytes: e.g. `openssl rand -base64 32`");
		}
		return key;
	}

	/** HKDF-SHA256 (RFC 5869), extract then expand. */
	static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
		try {
			Mac extract = Mac.getInstance("HmacSHA256");
			extract.init(new SecretKeySpec(salt, "HmacSHA256"));
			byte[] pseudoRandomKey = extract.doFinal(inputKey);
			Mac expand = Mac.getInstance("HmacSHA256");
			expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
			byte[] result = new byte[length];
			byte[] block = new byte[0];
			for (int offset = 0, counter = 1; offset < length; counter++) {
				expand.update(block);
				expand.update(info);
				expand.update((byte) counter);
				block = expand.doFinal();
				int n = Math.min(block.length, length - offset);
				System.arraycopy(block, 0, result, offset, n);
				offset += n;
			}
			return result;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key (null when there is none) and a description of its origin for the log.
	 */
	record Resolved(byte @Nullable [] key, String origin) {

		@Override
		public String toString() {
			return "Resolved[origin=" + this.origin + "]";
		}

	}

}
