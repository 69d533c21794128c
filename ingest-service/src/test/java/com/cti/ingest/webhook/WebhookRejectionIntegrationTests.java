package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.Topics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.cti.ingest.IngestIntegrationTest.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a webhook is refused, over HTTP against a real broker: the right 4xx with a
 * problem that says what was wrong without echoing the token or a secret (in the answer
 * or in the logs), and nothing on the events topic.
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookRejectionIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	WebhookClient client;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rejections")
	void refusesAndPublishesNothing(String name, Rejection rejection, CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.client.post("/webhooks/dialpad/" + UUID.randomUUID(),
				rejection.contentType(), rejection.body());

		assertThat(response.statusCode()).as(name).isEqualTo(rejection.status());
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(rejection.status());
		if (rejection.reason() != null) {
			assertThat(problem.get("type").asString()).isEqualTo("urn:cti:webhook:" + rejection.reason());
		}
		assertThat(problem.get("detail").asString()).isNotBlank();
		String body = new String(rejection.body(), StandardCharsets.UTF_8);
		for (String part : secretParts(body)) {
			assertThat(response.body()).doesNotContain(part);
			assertThat(output.getAll()).doesNotContain(part);
		}
		assertThat(response.body()).doesNotContain(WEBHOOK_SECRET).doesNotContain(OTHER_SECRET);
		assertThat(output.getAll()).doesNotContain(WEBHOOK_SECRET).doesNotContain(OTHER_SECRET);
		assertThat(TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS))
			.noneMatch((record) -> record.value().contains(rejection.marker()));
	}

	static Stream<Object[]> rejections() throws Exception {
		var rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		var rsaKeys = rsa.generateKeyPair();
		var ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(256);
		var ecKeys = ec.generateKeyPair();
		return Stream.of(
				signed("another secret", 401, "bad-signature", (event) -> HandMadeJwt.hs256(OTHER_SECRET, event)),
				signed("alg none", 401, "algorithm-not-allowed",
						(event) -> JWT.create().withPayload(event).sign(Algorithm.none())),
				signed("HS512 with the right secret", 401, "algorithm-not-allowed",
						(event) -> JWT.create().withPayload(event).sign(Algorithm.HMAC512(WEBHOOK_SECRET))),
				signed("HS384 with the right secret", 401, "algorithm-not-allowed",
						(event) -> JWT.create().withPayload(event).sign(Algorithm.HMAC384(WEBHOOK_SECRET))),
				signed("RS256", 401, "algorithm-not-allowed",
						(event) -> JWT.create()
							.withPayload(event)
							.sign(Algorithm.RSA256((RSAPublicKey) rsaKeys.getPublic(),
									(RSAPrivateKey) rsaKeys.getPrivate()))),
				signed("ES256", 401, "algorithm-not-allowed",
						(event) -> JWT.create()
							.withPayload(event)
							.sign(Algorithm.ECDSA256((ECPublicKey) ecKeys.getPublic(),
									(ECPrivateKey) ecKeys.getPrivate()))),
				signed("RS256 header over an HMAC of the secret", 401, "algorithm-not-allowed",
						(event) -> HandMadeJwt.sign("HmacSHA256", WEBHOOK_SECRET, "{\"alg\":\"RS256\"}", event)),
				signed("crit header", 401, "header-not-allowed",
						(event) -> HandMadeJwt.sign("HmacSHA256", WEBHOOK_SECRET,
								"{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", event)),
				signed("embedded jwk", 401, "header-not-allowed",
						(event) -> HandMadeJwt.sign("HmacSHA256", WEBHOOK_SECRET,
								"{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}}", event)),
				signed("duplicate alg", 400, "malformed-token",
						(event) -> HandMadeJwt.sign("HmacSHA256", WEBHOOK_SECRET,
								"{\"alg\":\"none\",\"alg\":\"HS256\"}", event)),
				signed("tampered payload", 401, "bad-signature", (event) -> {
					String[] parts = HandMadeJwt.hs256(WEBHOOK_SECRET, event).split("\\.");
					return parts[0] + "." + HandMadeJwt.base64Url(event.replace("ringing", "hangup!")) + "." + parts[2];
				}), signed("truncated signature", 401, "bad-signature", (event) -> {
					String token = HandMadeJwt.hs256(WEBHOOK_SECRET, event);
					return token.substring(0, token.lastIndexOf('.') + 9);
				}), signed("truncated to an impossible Base64 length", 400, "malformed-token", (event) -> {
					String token = HandMadeJwt.hs256(WEBHOOK_SECRET, event);
					// 43 signature characters cut to 41: no Base64 text has 4n+1
					// characters
					return token.substring(0, token.length() - 2);
				}), signed("signature cut off", 400, "malformed-token", (event) -> {
					String token = HandMadeJwt.hs256(WEBHOOK_SECRET, event);
					return token.substring(0, token.lastIndexOf('.'));
				}),
				signed("no signature", 401, "bad-signature",
						(event) -> HandMadeJwt.unsigned(HandMadeJwt.HS256_HEADER, event)),
				signed("expired", 401, "expired-token",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET, withClaim(event, "exp", -600))),
				signed("not valid before the future", 401, "token-not-yet-valid",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET, withClaim(event, "nbf", 600))),
				signed("issued in the future", 401, "token-not-yet-valid",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET, withClaim(event, "iat", 600))),
				signed("plain JSON while a secret applies", 401, "unsigned", (event) -> event),
				signed("plain JSON as application/json", 401, "unsigned", "application/json", (event) -> event),
				signed("oversized signed token", 413, "body-too-large",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET,
								event.replace("}", ",\"padding\":\"" + "x".repeat(256 * 1024) + "\"}"))),
				raw("oversized garbage", 413, "body-too-large", "x".repeat(256 * 1024 + 1)),
				raw("empty body", 400, "empty-body", ""), raw("only white space", 400, "empty-body", " \r\n\t "),
				raw("not a JWT", 400, "malformed-token", "hello, this is not a token"),
				raw("not UTF-8", 400, "malformed-token", new byte[] { (byte) 0xFF, (byte) 0xFE, 'a' }),
				signed("payload is an array", 400, "payload-not-json-object",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET, "[" + event + "]")),
				signed("payload is a string", 400, "payload-not-json-object",
						(event) -> HandMadeJwt.hs256(WEBHOOK_SECRET, "\"" + event.replace("\"", "'") + "\"")),
				signed("plain JSON array", 400, "malformed-token", (event) -> "[" + event + "]"));
	}

	private static final String OTHER_SECRET = "an-attackers-secret-7c1e";

	private static Object[] signed(String name, int status, String reason, TokenMaker maker) throws Exception {
		return signed(name, status, reason, "application/jwt", maker);
	}

	private static Object[] signed(String name, int status, String reason, @Nullable String contentType,
			TokenMaker maker) throws Exception {
		String marker = "marker-" + UUID.randomUUID();
		String event = "{\"call_id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"state\":\"ringing\",\"event_timestamp\":1764158400200,\"note\":\"" + marker + "\"}";
		String body = maker.make(event);
		return new Object[] { name,
				new Rejection(contentType, body.getBytes(StandardCharsets.UTF_8), status, reason, marker) };
	}

	private static Object[] raw(String name, int status, String reason, String body) {
		return raw(name, status, reason, body.getBytes(StandardCharsets.UTF_8));
	}

	private static Object[] raw(String name, int status, String reason, byte[] body) {
		return new Object[] { name, new Rejection("text/plain", body, status, reason, "marker-" + UUID.randomUUID()) };
	}

	private static String withClaim(String event, String claim, long secondsFromNow) {
		return event.replace("}", ",\"" + claim + "\":" + (Instant.now().getEpochSecond() + secondsFromNow) + "}");
	}

	/** The signature part of a token, or the whole body when it is short. */
	private static Iterable<String> secretParts(String body) {
		if (body.isBlank() || body.length() > 10_000) {
			return Arrays.asList();
		}
		int dot = body.lastIndexOf('.');
		if (dot >= 0 && dot < body.length() - 8) {
			return Arrays.asList(body, body.substring(dot + 1));
		}
		return Arrays.asList(body);
	}

	@FunctionalInterface
	interface TokenMaker {

		String make(String event) throws Exception;

	}

	record Rejection(@Nullable String contentType, byte[] body, int status, @Nullable String reason, String marker) {

		@Override
		public String toString() {
			return this.status + " " + this.reason;
		}

	}

}
