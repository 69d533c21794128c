package com.cti.admin.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.platform.crypto.EncryptionKeyring;
import com.google.crypto.tink.subtle.Hkdf;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Where the encryption keys come from: {@code CTI_ENCRYPTION_KEY}, one or more keys of 32
 * bytes in base64, comma-separated, the first one encrypting and every one decrypting (to
 * rotate: put a new key first and keep the old one after it until nothing encrypted with
 * it is left); or in development mode only, when it is unset, HKDF-SHA256 of
 * {@code INTERNAL_API_SECRET}. Outside development mode without
 * {@code CTI_ENCRYPTION_KEY} there is no key: the service starts, and whatever needs a
 * key answers 503 naming the setting.
 *
 * <p>
 * The keys become service-platform's {@link EncryptionKeyring} (Tink's AES-256-GCM, byte
 * for byte the format this service wrote before it used Tink, so the values stored then
 * decrypt as they are); the ingest service reads the same {@code CTI_ENCRYPTION_KEY} to
 * open the secrets published to it.
 */
final class EncryptionKeys {

	static final int KEY_LENGTH = EncryptionKeyring.KEY_LENGTH;

	private static final byte[] SALT = "cti-admin-encryption-key".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INFO = "cti dev key from INTERNAL_API_SECRET v1".getBytes(StandardCharsets.UTF_8);

	private EncryptionKeys() {
	}

	static Resolved resolve(ProvisioningProperties properties) {
		if (StringUtils.hasText(properties.encryptionKey())) {
			return new Resolved(EncryptionKeyring.parse(properties.encryptionKey()), "CTI_ENCRYPTION_KEY");
		}
		if (properties.devMode() && StringUtils.hasText(properties.internalApiSecret())) {
			byte[] key = hkdf(properties.internalApiSecret().getBytes(StandardCharsets.UTF_8), SALT, INFO, KEY_LENGTH);
			return new Resolved(EncryptionKeyring.of(List.of(key)),
					"derived from INTERNAL_API_SECRET (development mode)");
		}
		return new Resolved(null, "none");
	}

	/** HKDF-SHA256 (RFC 5869), extract then expand. */
	static byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
		try {
			return Hkdf.computeHkdf("HMACSHA256", inputKey, salt, info, length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The keys (null when there is none) and a description of their origin for the log.
	 */
	record Resolved(@Nullable EncryptionKeyring keyring, String origin) {

		@Override
		public String toString() {
			return "Resolved[origin=" + this.origin + "]";
		}

	}

}
