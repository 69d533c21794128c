package com.cti.bench.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs an event the way Dialpad does: a compact HS256 JWT whose payload is the event
 * JSON. Written from the JWT spec (not with the library the ingest service verifies
 * with). Not thread-safe: one per thread.
 */
public final class Hs256Signer {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = BASE64URL
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private final Mac mac;

	public Hs256Signer(String secret) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The JWT, as the bytes of the request body. */
	public byte[] sign(String payloadJson) {
		String signingInput = HEADER + "." + BASE64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
		byte[] signature = this.mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
		return (signingInput + "." + BASE64URL.encodeToString(signature)).getBytes(StandardCharsets.US_ASCII);
	}

}
