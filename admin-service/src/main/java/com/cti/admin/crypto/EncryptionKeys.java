package com.cti.admin.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.cti.admin.config.ProvisioningProperties;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.util.SecretBytes;
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
 * The keys become a Tink keyset of AES-256-GCM keys with Tink's output prefix, each key's
 * id the first four bytes of its SHA-256: that is byte for byte the format this service
 * wrote before it used Tink ({@code 0x01 | key id | nonce | ciphertext and tag}), so the
 * values stored then decrypt as they are.
 */
final class EncryptionKeys {

	static final int KEY_LENGTH = 32;

	private static final byte[] SALT = "cti-admin-encryption-key".getBytes(StandardCharsets.UTF_8);

	private static final byte[] INFO = "cti dev key from INTERNAL_API_SECRET v1".getBytes(StandardCharsets.UTF_8);

	private EncryptionKeys() {
	}

	static Resolved resolve(ProvisioningProperties properties) {
		if (StringUtils.hasText(properties.encryptionKey())) {
			List<byte[]> keys = new ArrayList<>();
			for (String encoded : StringUtils.commaDelimitedListToStringArray(properties.encryptionKey())) {
				keys.add(decode(encoded.strip()));
			}
			return new Resolved(keyset(keys), "CTI_ENCRYPTION_KEY");
		}
		if (properties.devMode() && StringUtils.hasText(properties.internalApiSecret())) {
			byte[] key = hkdf(properties.internalApiSecret().getBytes(StandardCharsets.UTF_8), SALT, INFO, KEY_LENGTH);
			return new Resolved(keyset(List.of(key)), "derived from INTERNAL_API_SECRET (development mode)");
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

	/** The keyset of the given keys, the first one primary. */
	private static KeysetHandle keyset(List<byte[]> keys) {
		try {
			AeadConfig.register();
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(KEY_LENGTH)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.TINK)
				.build();
			KeysetHandle.Builder keyset = KeysetHandle.newBuilder();
			for (byte[] key : keys) {
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(AesGcmKey.builder()
					.setParameters(parameters)
					.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
					.setIdRequirement(keyId(key))
					.build());
				keyset.addEntry((keyset.size() == 0) ? entry.makePrimary() : entry);
			}
			return keyset.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("CTI_ENCRYPTION_KEY: its keys make no keyset (is one listed twice?)", ex);
		}
	}

	private static int keyId(byte[] key) throws GeneralSecurityException {
		return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key)).getInt();
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
	 * The keyset (null when there is no key) and a description of its origin for the log.
	 */
	record Resolved(@Nullable KeysetHandle keyset, String origin) {

		@Override
		public String toString() {
			return "Resolved[origin=" + this.origin + "]";
		}

	}

}
