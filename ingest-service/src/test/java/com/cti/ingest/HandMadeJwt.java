package com.cti.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWTs with the JDK alone (HMAC + Base64url), independent of java-jwt, so
 * that the tests do not only check java-jwt against itself.
 */
public final class HandMadeJwt {

	public static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	private HandMadeJwt() {
	}

	public static String hs256(String secret, String payloadJson) {
		return sign("HmacSHA256", secret, HS256_HEADER, payloadJson);
	}

	/**
	 * Signs {@code header.payload} with the given JDK HMAC algorithm, whatever the header
	 * says.
	 */
	public static String sign(String macAlgorithm, String secret, String headerJson, String payloadJson) {
		String signingInput = base64Url(headerJson) + "." + base64Url(payloadJson);
		return signingInput + "." + base64Url(mac(macAlgorithm, secret, signingInput));
	}

	/** An unsigned token ({@code alg: none}) with an empty signature part. */
	public static String unsigned(String headerJson, String payloadJson) {
		return base64Url(headerJson) + "." + base64Url(payloadJson) + ".";
	}

	public static String base64Url(String text) {
		return base64Url(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static byte[] mac(String macAlgorithm, String secret, String signingInput) {
		try {
			Mac mac = Mac.getInstance(macAlgorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macAlgorithm));
			return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
