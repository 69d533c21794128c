package com.cti.ingest.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.cti.ingest.IngestProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Verifies a Dialpad webhook body: a compact JWT signed HS256 with one of the secrets
 * that apply to the app. Before java-jwt checks the signature (in constant time) and the
 * {@code exp}/{@code nbf}/{@code iat} claims (only when present, with a clock skew), the
 * token's form is checked strictly: canonical Base64url, a header that is a JSON object
 * without duplicate names whose {@code alg} is exactly {@code HS256} and that carries
 * none of the parameters that would change how the token is read ({@code crit},
 * {@code b64}, embedded or remote keys, compression), and a payload that is a UTF-8 JSON
 * object within {@link PayloadJson}'s read limits.
 */
@Component
class WebhookVerifier {

	private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

	private static final Set<String> REFUSED_HEADER_PARAMETERS = Set.of("crit", "b64", "jku", "jwk", "x5u", "x5c",
			"zip", "enc", "epk");

	private static final int HS256_SIGNATURE_LENGTH = 32;

	/** Headers with a name twice are refused: which {@code alg} would count? */
	private final JsonMapper headerJson = PayloadJson.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final JsonMapper payloadJson = PayloadJson.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final long leewaySeconds;

	@Autowired
	WebhookVerifier(IngestProperties properties) {
		this(properties.clockSkew());
	}

	WebhookVerifier(Duration clockSkew) {
		this.leewaySeconds = clockSkew.toSeconds();
	}

	/**
	 * Returns the token's payload, the Dialpad event JSON exactly as signed.
	 * @param token the request body, surrounding white space removed
	 * @param secrets every secret that may have signed it
	 * @throws WebhookRejectedException when the token is not a well-formed HS256 JWT
	 * signed with one of the secrets, or its time claims refuse it now
	 */
	String verify(String token, Collection<String> secrets) {
		if (!COMPACT_JWS.matcher(token).matches()) {
			throw malformed("The body is not a compact JWT (header.payload.signature in Base64url)");
		}
		String[] parts = token.split("\\.", -1);
		checkHeader(parseHeader(parts[0]));
		String payload = payload(parts[1]);
		if (parts[2].isEmpty()) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "bad-signature", "The token is not signed");
		}
		if (base64Url(parts[2]).length != HS256_SIGNATURE_LENGTH) {
			throw badSignature();
		}
		DecodedJWT decoded = decode(token);
		for (String secret : secrets) {
			if (verifies(decoded, secret)) {
				return payload;
			}
		}
		throw badSignature();
	}

	/**
	 * Returns an unsigned body as the event payload, exactly as received, once it is
	 * known to be a JSON object.
	 */
	String plainPayload(String body) {
		if (isJsonObject(body)) {
			return body;
		}
		throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "payload-not-json-object",
				"The body is not a JSON object");
	}

	private JsonNode parseHeader(String part) {
		try {
			JsonNode header = this.headerJson.readTree(utf8(base64Url(part)));
			if (header != null && header.isObject()) {
				return header;
			}
		}
		catch (StreamConstraintsException ex) {
			throw PayloadJson.tooComplex();
		}
		catch (JacksonException | CharacterCodingException ex) {
			// reported below
		}
		throw malformed("The token's header is not a JSON object");
	}

	private static void checkHeader(JsonNode header) {
		JsonNode alg = header.get("alg");
		if (alg == null || !alg.isString() || !"HS256".equals(alg.asString())) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "algorithm-not-allowed",
					"Only HS256-signed tokens are accepted");
		}
		JsonNode typ = header.get("typ");
		if (typ != null && !(typ.isString() && "JWT".equalsIgnoreCase(typ.asString()))) {
			throw headerNotAllowed("The token's typ header must be JWT");
		}
		for (String name : header.propertyNames()) {
			if (REFUSED_HEADER_PARAMETERS.contains(name)) {
				throw headerNotAllowed("The token's header carries '" + name + "', which is not accepted");
			}
		}
	}

	private String payload(String part) {
		String payload;
		try {
			payload = utf8(base64Url(part));
		}
		catch (CharacterCodingException ex) {
			throw notJsonObject();
		}
		if (isJsonObject(payload)) {
			return payload;
		}
		throw notJsonObject();
	}

	private boolean isJsonObject(String json) {
		try {
			JsonNode node = this.payloadJson.readTree(json);
			return node != null && node.isObject();
		}
		catch (StreamConstraintsException ex) {
			throw PayloadJson.tooComplex();
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static DecodedJWT decode(String token) {
		try {
			return JWT.decode(token);
		}
		catch (RuntimeException ex) {
			throw malformed("The token could not be decoded");
		}
	}

	private boolean verifies(DecodedJWT decoded, String secret) {
		try {
			JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(this.leewaySeconds).build().verify(decoded);
			return true;
		}
		catch (SignatureVerificationException ex) {
			return false;
		}
		catch (TokenExpiredException ex) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "expired-token",
					"The token has expired (exp is in the past)");
		}
		catch (IncorrectClaimException ex) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "token-not-yet-valid",
					"The token is not valid yet (nbf or iat is in the future)");
		}
		catch (AlgorithmMismatchException ex) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "algorithm-not-allowed",
					"Only HS256-signed tokens are accepted");
		}
		catch (JWTDecodeException ex) {
			throw malformed("The token's claims could not be read");
		}
		catch (JWTVerificationException ex) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "invalid-token", "The token was refused");
		}
	}

	/** Decodes unpadded Base64url, refusing every non-canonical spelling of the bytes. */
	private static byte[] base64Url(String part) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(part);
			if (Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw malformed("The token is not canonical Base64url");
	}

	private static String utf8(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	private static WebhookRejectedException malformed(String message) {
		return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "malformed-token", message);
	}

	private static WebhookRejectedException headerNotAllowed(String message) {
		return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "header-not-allowed", message);
	}

	private static WebhookRejectedException notJsonObject() {
		return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "payload-not-json-object",
				"The token's payload is not a JSON object");
	}

	private static WebhookRejectedException badSignature() {
		return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "bad-signature",
				"The token's signature does not match the webhook's secret");
	}

}
