package com.cti.admin.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes API keys: 32 random bytes behind the recognisable prefix {@code cti_}, stored
 * only as their SHA-256 hash (a key has 256 bits of entropy, so a fast unsalted hash is
 * safe and lets the query service look a key up by it).
 */
public final class ApiKeys {

	static final String PREFIX = "cti_";

	/** How much of a key is kept in clear so that a human can recognise it. */
	static final int VISIBLE_LENGTH = 12;

	private static final SecureRandom random = new SecureRandom();

	private ApiKeys() {
	}

	/** A new random key. */
	public static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The SHA-256 of the key, as stored. */
	public static byte[] hash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The part of the key that may be shown again later. */
	public static String visiblePrefix(String key) {
		return key.substring(0, Math.min(VISIBLE_LENGTH, key.length()));
	}

}
