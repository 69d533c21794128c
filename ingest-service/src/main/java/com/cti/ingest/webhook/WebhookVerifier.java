package com.cti.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.JWTVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Verifies a Dialpad webhook body: a compact JWT signed HS256 with one of the configured
 * secrets. The algorithm is pinned to HS256 ({@code none} and every other algorithm are
 * refused), the signature is compared in constant time by java-jwt, and
 * {@code exp}/{@code nbf}/{@code iat} are checked only when present.
 */
@Component
class WebhookVerifier {

	private final List<JWTVerifier> verifiers;

	@Autowired
	WebhookVerifier(IngestProperties properties) {
		this(List.of(properties.webhookSecret()), properties.clockSkew().toSeconds());
	}

	WebhookVerifier(List<String> secrets, long leewaySeconds) {
		this.verifiers = secrets.stream()
			.map((secret) -> (JWTVerifier) JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(leewaySeconds).build())
			.toList();
	}

	/** Returns the token's payload, the Dialpad event JSON exactly as signed. */
	String verify(String token) {
		JWTVerificationException last = null;
		for (JWTVerifier verifier : this.verifiers) {
			try {
				return decodePayload(verifier.verify(token).getPayload());
			}
			catch (JWTDecodeException ex) {
				throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "malformed-token",
						"The body is not a well-formed JWT");
			}
			catch (SignatureVerificationException ex) {
				last = ex;
			}
			catch (TokenExpiredException ex) {
				throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "expired-token", "The token has expired");
			}
			catch (JWTVerificationException ex) {
				throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "invalid-token",
						"The token was refused: only HS256 tokens signed with the webhook secret are accepted, "
								+ "within their exp/nbf/iat times");
			}
		}
		throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "bad-signature",
				"The token's signature does not match the webhook secret"
						+ ((last != null) ? "" : " (no secret is configured)"));
	}

	private static String decodePayload(String base64Url) {
		return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
	}

}
