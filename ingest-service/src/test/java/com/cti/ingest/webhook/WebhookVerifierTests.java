package com.cti.ingest.webhook;

import java.time.Instant;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookVerifierTests {

	private static final String SECRET = "the-webhook-secret";

	private static final String EVENT = "{\"call_id\":6400000000000001,\"state\":\"ringing\",\"event_timestamp\":1764158400200}";

	private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET), 60);

	@Test
	void returnsThePayloadOfATokenSignedWithTheSecret() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256(SECRET));

		String payload = this.verifier.verify(token);

		assertThat(payload).contains("\"call_id\":6400000000000001").contains("\"state\":\"ringing\"");
	}

	@Test
	void returnsThePayloadExactlyAsSigned() {
		String exact = "{ \"call_id\" : 1,\n\"state\":\"hangup\" , \"name\":\"Zoë\" }";

		assertThat(this.verifier.verify(HandMadeJwt.hs256(SECRET, exact))).isEqualTo(exact);
	}

	@Test
	void acceptsAnyOfSeveralSecrets() {
		var twoSecrets = new WebhookVerifier(List.of("old-secret", "new-secret"), 60);

		assertThat(twoSecrets.verify(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("new-secret"))))
			.contains("ringing");
		assertThat(twoSecrets.verify(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("old-secret"))))
			.contains("ringing");
	}

	@Test
	void rejectsTokenSignedWithAnotherSecret() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.HMAC256("another-secret"));

		assertRejected(token, HttpStatus.UNAUTHORIZED, "bad-signature");
	}

	@Test
	void rejectsHs512AndHs384EvenWithTheRightSecret() {
		assertRejected(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC512(SECRET)), HttpStatus.UNAUTHORIZED,
				"invalid-token");
		assertRejected(JWT.create().withPayload(EVENT).sign(Algorithm.HMAC384(SECRET)), HttpStatus.UNAUTHORIZED,
				"invalid-token");
	}

	@Test
	void rejectsAlgNone() {
		String token = JWT.create().withPayload(EVENT).sign(Algorithm.none());

		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(() -> this.verifier.verify(token))
			.satisfies((ex) -> assertThat(ex.status().is4xxClientError()).isTrue());
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
			.isThrownBy(() -> this.verifier.verify(token.substring(0, token.length() - 5)))
			.satisfies((ex) -> assertThat(ex.status().is4xxClientError()).isTrue());
		assertThatExceptionOfType(WebhookRejectedException.class)
			.isThrownBy(() -> this.verifier.verify(token.substring(0, token.lastIndexOf('.'))))
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

		assertThat(this.verifier.verify(token)).contains("ringing");
	}

	@Test
	void rejectsTokenNotYetValidOrIssuedInTheFuture() {
		assertRejected(JWT.create()
			.withPayload(EVENT)
			.withNotBefore(Instant.now().plusSeconds(600))
			.sign(Algorithm.HMAC256(SECRET)), HttpStatus.UNAUTHORIZED, "invalid-token");
		assertRejected(JWT.create()
			.withPayload(EVENT)
			.withIssuedAt(Instant.now().plusSeconds(600))
			.sign(Algorithm.HMAC256(SECRET)), HttpStatus.UNAUTHORIZED, "invalid-token");
	}

	@Test
	void rejectsABodyThatIsNotAJwt() {
		assertRejected("hello world", HttpStatus.BAD_REQUEST, "malformed-token");
	}

	private void assertRejected(String token, HttpStatus status, String reason) {
		assertThatExceptionOfType(WebhookRejectedException.class).isThrownBy(() -> this.verifier.verify(token))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(status);
				assertThat(ex.reason()).isEqualTo(reason);
				assertThat(ex.getMessage()).doesNotContain(SECRET).doesNotContain(token);
			});
	}

}
