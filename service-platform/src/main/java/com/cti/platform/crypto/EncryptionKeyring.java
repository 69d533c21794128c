package com.cti.platform.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.ConfigurationV0;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The keys of {@code CTI_ENCRYPTION_KEY}: one or more keys of 32 bytes in base64,
 * comma-separated, the first one encrypting and every one decrypting. They become a Tink
 * keyset of AES-256-GCM keys with Tink's output prefix, each key's id the first four
 * bytes of its SHA-256, so a sealed value is
 * {@code 0x01 | key id(4) | nonce(12) | ciphertext and tag} (the format the admin service
 * wrote before it used Tink). In service-platform because the admin and ingest services
 * both need it and Tink's key handling should be written once; shared-model stays free of
 * it.
 */
public final class EncryptionKeyring {

	/** The length of a key, in bytes (AES-256). */
	public static final int KEY_LENGTH = 32;

	/** Tink's prefix (0x01 and the key id) and nonce before the ciphertext, tag after. */
	private static final int MINIMUM_LENGTH = 5 + 12 + 16;

	private final Aead aead;

	private final Set<Integer> keyIds = new HashSet<>();

	private EncryptionKeyring(List<byte[]> keys) {
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
				int id = keyId(key);
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(AesGcmKey.builder()
					.setParameters(parameters)
					.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
					.setIdRequirement(id)
					.build());
				keyset.addEntry((keyset.size() == 0) ? entry.makePrimary() : entry);
				this.keyIds.add(id);
			}
			this.aead = keyset.build().getPrimitive(ConfigurationV0.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("CTI_ENCRYPTION_KEY: its keys make no keyset (is one listed twice?)", ex);
		}
	}

	/** The keyring of the given raw keys of 32 bytes, the first one encrypting. */
	public static EncryptionKeyring of(List<byte[]> keys) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("no key");
		}
		return new EncryptionKeyring(keys);
	}

	/**
	 * The keyring of {@code CTI_ENCRYPTION_KEY}'s value: keys in base64 (standard or URL
	 * alphabet), comma-separated.
	 * @throws IllegalStateException naming the setting when a key is not 32 bytes of
	 * base64
	 */
	public static EncryptionKeyring parse(String encodedKeys) {
		List<byte[]> keys = new ArrayList<>();
		for (String encoded : encodedKeys.split(",")) {
			if (!encoded.isBlank()) {
				keys.add(decode(encoded.strip()));
			}
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("CTI_ENCRYPTION_KEY lists no key");
		}
		return new EncryptionKeyring(keys);
	}

	/** Seals the plaintext, bound to the associated data, with the first key. */
	public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		try {
			return this.aead.encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Opens a value sealed by {@link #encrypt} with one of the keys and the same
	 * associated data.
	 * @throws UndecryptableException saying why not (never what the value holds)
	 */
	public byte[] decrypt(byte[] sealed, byte[] associatedData) {
		if (sealed.length < MINIMUM_LENGTH || sealed[0] != 1) {
			throw new UndecryptableException("it is not in a format this service wrote");
		}
		if (!this.keyIds.contains(ByteBuffer.wrap(sealed, 1, 4).getInt())) {
			throw new UndecryptableException("it was encrypted with another CTI_ENCRYPTION_KEY");
		}
		try {
			return this.aead.decrypt(sealed, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableException("it was altered or belongs to another record");
		}
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

	private static int keyId(byte[] key) throws GeneralSecurityException {
		return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key)).getInt();
	}

	@Override
	public String toString() {
		return "EncryptionKeyring[keys=" + this.keyIds.size() + "]";
	}

	/** A sealed value that none of the keys opens; its message says why. */
	public static final class UndecryptableException extends RuntimeException {

		public UndecryptableException(String reason) {
			super(reason);
		}

	}

}
