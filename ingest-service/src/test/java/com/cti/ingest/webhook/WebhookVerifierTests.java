package com.cti.ingest.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.cti.ingest.HandMadeJwt;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookVerifierTests {

	private static final String SECRET = "the-webhook-secret";

	private static final String EVENT = "{\"call_id\":6400000000000001,\"state\":\"ringing\",\"event_timestamp\":1764158400200}";

	private final WebhookVerifier verifier = new WebhookVerifier(Duration.ofSeconds(60));

	@Test
	void returnsThePayloadOfATokenSignedWithTheSecret() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256(SECRET));

		String payload = verify(token);

		assertThat(payload).contains("\"call_id\":6400000000000001").contains("\"state\":\"ringing\"");
	}

	@Test
	void returnsThePayloadExactlyAsSigned() {
		String exact = "{ \"call_id\" : 1,\n\"state\":\"hangup\" , \"name\":\"Zoë\" }";

		assertThat(verify(HandMadeJwt.hs256(SECRET, exact))).isEqualTo(exact);
	}

	@Test
	void acceptsAnyOfSeveralSecrets() {
		List<String> secrets = List.of("old-secret", "new-secret");

		assertThat(this.verifier.verify(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("new-secret")), secrets))
			.contains("ringing");
		assertThat(this.verifier.verify(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("old-secret")), secrets))
			.contains("ringing");
		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(
				() -> this.verifier.verify(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256(SECRET)), secrets));
	}

	@Test
	void rejectsTokenSignedWithAnotherSecret() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("another-secret"));

		assertRejected(token, HttpStatus.UNAUTHORIZED, "bad-signature");
	}

	@Test
	void rejectsHs512AndHs384EvenWithTheRightSecret() {
		assertRejected(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC512(SECRET)), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
		assertRejected(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC384(SECRET)), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
	}

	@Test
	void rejectsAlgNone() {
		assertRejected(JWT.create().withPayload(EVENT).sign(Algorithm.none()), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
		assertRejected(HandMadeJwt.unsigned("{\"alg\":\"none\"}", EVENT), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
		// a real HS256 signature under a header that claims none
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"none\"}", EVENT), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
	}

	@Test
	void rejectsTamperedPayload() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256(SECRET));
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + HandMadeJwt.base64Url(EVENT.replace("ringing", "hangup")) + "." + parts[2];

		assertRejected(forged, HttpStatus.UNAUTHORIZED, "bad-signature");
	}

	@Test
	void rejectsTruncatedToken() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256(SECRET));

		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> verify(token.substring(0, token.length() - 5)))
			.satisfies((ex) -> assertThat(ex.status().is4xxClientError()).isTrue());
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> verify(token.substring(0, token.lastIndexOf('.'))))
			.satisfies((ex) -> assertThat(ex.status().is4xxClientError()).isTrue());
	}

	@Test
	void rejectsExpiredTokenBeyondTheClockSkew() {
		String token = JWT.create()
			.withPayload(EVENT)
			.withExpiresAt(Instant.now().minusSeconds(120))
			.sign(Algorithm.HMAC256(SECRET));

		assertRejected(token, HttpStatus.UNAUTHORIZED, "expired-token");
	}

	@Test
	void acceptsExpiryWithinTheClockSkew() {
		String token = JWT.create()
			.withPayload(EVENT)
			.withExpiresAt(Instant.now().minusSeconds(30))
			.sign(Algorithm.HMAC256(SECRET));

		assertThat(verify(token)).contains("ringing");
	}

	@Test
	void rejectsTokenNotYetValidOrIssuedInTheFuture() {
		assertRejected(JWT.create()
			.withPayload(EVENT)
			.withNotBefore(Instant.now().plusSeconds(600))
			.sign(Algorithm.HMAC256(SECRET)), HttpStatus.UNAUTHORIZED, "token-not-yet-valid");
		assertRejected(JWT.create()
			.withPayload(EVENT)
			.withIssuedAt(Instant.now().plusSeconds(600))
			.sign(Algorithm.HMAC256(SECRET)), HttpStatus.UNAUTHORIZED, "token-not-yet-valid");
	}

	@Test
	void rejectsABodyThatIsNotAJwt() {
		for (String body : new String[] { "hello world", "a.b", "a.b.c.d", "..", "a..c", ".b.c", "eyJ.eyJ.sig!" }) {
			assertRejected(body, HttpStatus.BAD_REQUEST, "malformed-token");
		}
	}

	@Test
	void acceptsTimeClaimsWithinTheClockSkewAndIgnoresAbsentOnes() {
		assertThat(verify(JWT.create()
			.withPayload(EVENT)
			.withNotBefore(Instant.now().plusSeconds(30))
			.withIssuedAt(Instant.now().plusSeconds(30))
			.withExpiresAt(Instant.now().plusSeconds(300))
			.sign(Algorithm.HMAC256(SECRET)))).contains("ringing");
		var strict = new WebhookVerifier(Duration.ZERO);
		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(() -> strict.verify(JWT.create()
			.withPayload(EVENT)
			.withIssuedAt(Instant.now().plusSeconds(30))
			.sign(Algorithm.HMAC256(SECRET)), List.of(SECRET)));
	}

	@Test
	void rejectsAsymmetricAlgorithmsAndAlgorithmSpellings() {
		for (String alg : new String[] { "RS256", "ES256", "PS256", "EdDSA", "hs256", "HS256 ", "HS2560", "" }) {
			String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
			assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, header, EVENT), HttpStatus.UNAUTHORIZED,
					"algorithm-not-allowed");
		}
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":[\"HS256\"]}", EVENT), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"typ\":\"JWT\"}", EVENT), HttpStatus.UNAUTHORIZED,
				"algorithm-not-allowed");
	}

	@Test
	void rejectsHeaderTricks() {
		// each correctly signed with the right secret: only the header is wrong
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"none\",\"alg\":\"HS256\"}", EVENT),
				HttpStatus.BAD_REQUEST, "malformed-token");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", EVENT),
				HttpStatus.UNAUTHORIZED, "header-not-allowed");
		assertRejected(
				HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", EVENT),
				HttpStatus.UNAUTHORIZED, "header-not-allowed");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET,
				"{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}", EVENT), HttpStatus.UNAUTHORIZED,
				"header-not-allowed");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"HS256\",\"jku\":\"http://x/\"}", EVENT),
				HttpStatus.UNAUTHORIZED, "header-not-allowed");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWE\"}", EVENT),
				HttpStatus.UNAUTHORIZED, "header-not-allowed");
		assertRejected(HandMadeJwt.sign("HmacSHA256", SECRET, "[\"HS256\"]", EVENT), HttpStatus.BAD_REQUEST,
				"malformed-token");
		assertThat(verify(
				HandMadeJwt.sign("HmacSHA256", SECRET, "{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"1\"}", EVENT)))
			.isEqualTo(EVENT);
	}

	@Test
	void rejectsAnHs512SignatureUnderAnHs256Header() {
		assertRejected(HandMadeJwt.sign("HmacSHA512", SECRET, HandMadeJwt.HS256_HEADER, EVENT), HttpStatus.UNAUTHORIZED,
				"bad-signature");
	}

	@Test
	void rejectsNonCanonicalBase64() {
		String token = HandMadeJwt.hs256(SECRET, EVENT);
		String signature = token.substring(token.lastIndexOf('.') + 1);
		// the last character of a 32-byte signature carries 4 unused bits: flip one of
		// them
		char last = signature.charAt(signature.length() - 1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
		String malleated = token.substring(0, token.length() - 1) + sibling;

		assertRejected(malleated, HttpStatus.BAD_REQUEST, "malformed-token");
		assertRejected(token + "=", HttpStatus.BAD_REQUEST, "malformed-token");
	}

	@Test
	void rejectsAPayloadThatIsNotAJsonObject() {
		for (String payload : new String[] { "[1,2,3]", "\"text\"", "42", "null", "{\"a\":", "not json" }) {
			assertRejected(HandMadeJwt.hs256(SECRET, payload), HttpStatus.BAD_REQUEST, "payload-not-json-object");
		}
		String header = HandMadeJwt.base64Url(HandMadeJwt.HS256_HEADER);
		String notUtf8 = HandMadeJwt.base64Url(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' });
		String signingInput = header + "." + notUtf8;
		assertRejected(signingInput + "." + HandMadeJwt.base64Url(HandMadeJwt.mac("HmacSHA256", SECRET, signingInput)),
				HttpStatus.BAD_REQUEST, "payload-not-json-object");
	}

	@Test
	void rejectsAnUnsignedHs256Token() {
		assertRejected(HandMadeJwt.unsigned(HandMadeJwt.HS256_HEADER, EVENT), HttpStatus.UNAUTHORIZED, "bad-signature");
	}

	@Test
	void rejectsEveryTokenWhenNoSecretApplies() {
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(HandMadeJwt.hs256(SECRET, EVENT), List.of()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("bad-signature"));
	}

	private String verify(String token) {
		return this.verifier.verify(token, List.of(SECRET));
	}

	private void assertRejected(String token, HttpStatus status, String reason) {
		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(() -> verify(token)).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain(token);
		});
	}

}
