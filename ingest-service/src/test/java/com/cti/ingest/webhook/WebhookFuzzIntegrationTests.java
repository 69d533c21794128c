package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.DialpadEventReceived;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random and mutated bodies, most given to the intake in-process and a
 * sample over HTTP: nothing ever fails with a server error, every refusal over HTTP is a
 * problem without implementation details, and nothing is accepted that is not one of the
 * genuine tokens (whitespace around it aside). No body here was signed with the secret
 * except the genuine ones, so anything else accepted would be a forgery.
 */
@IngestIntegrationTest
class WebhookFuzzIntegrationTests {

	private static final String APP = "fuzz-app";

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private static final String[] CONTENT_TYPES = { "application/jwt", "text/plain", "application/json", null,
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*", "application/*" };

	@Autowired
	WebhookIntake intake;

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void neverFailsAndNeverAcceptsAForgery() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<String> genuinePayloads = genuinePayloads(random);
		List<String> genuine = genuinePayloads.stream()
			.map((payload) -> HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, payload))
			.toList();
		Set<String> acceptedPayloads = new HashSet<>();
		int rejected = 0;
		for (int i = 0; i < 4000; i++) {
			byte[] body = mutant(random, genuine, genuinePayloads);
			try {
				DialpadEventReceived event = this.intake.accept(APP, body);
				String token = new String(body, StandardCharsets.UTF_8).strip();
				assertThat(genuine).as("accepted body (seed %d): %s", seed, token).contains(token);
				acceptedPayloads.add(event.payload());
			}
			catch (WebhookRejectedException ex) {
				assertThat(ex.status().is4xxClientError()).isTrue();
				rejected++;
			}
			catch (RuntimeException ex) {
				fail("seed %d: %s for body %s", seed, ex, new String(body, StandardCharsets.UTF_8), ex);
			}
		}
		assertThat(rejected).isGreaterThan(3000);
		assertThat(genuinePayloads).containsAll(acceptedPayloads);

		var client = new WebhookClient(this.port);
		for (int i = 0; i < 200; i++) {
			byte[] body = mutant(random, genuine, genuinePayloads);
			String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
			HttpResponse<String> response = client.post("/webhooks/dialpad/" + APP, contentType, body);
			String described = "seed " + seed + ", body " + new String(body, StandardCharsets.UTF_8);
			assertThat(response.statusCode()).as(described).isIn(200, 400, 401, 413);
			if (response.statusCode() != 200) {
				assertThat(response.headers().firstValue("Content-Type")).as(described)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				assertThat(response.body()).as(described)
					.doesNotContain("Exception")
					.doesNotContain("at com.")
					.doesNotContain("org.springframework");
			}
			if (response.statusCode() == 200) {
				assertThat(genuine).contains(new String(body, StandardCharsets.UTF_8).strip());
			}
		}

		for (DialpadEventReceived published : TopicRecords.envelopes(this.brokers)) {
			if (APP.equals(published.appId())) {
				assertThat(genuinePayloads).as("published payload (seed %d)", seed).contains(published.payload());
			}
		}
	}

	private static List<String> genuinePayloads(Random random) {
		List<String> payloads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			payloads.add("{\"call_id\":" + (6_400_000_000_000_000L + random.nextInt(1_000_000))
					+ ",\"state\":\"ringing\",\"event_timestamp\":" + random.nextInt()
					+ ",\"contact\":{\"name\":\"Zoë\"}}");
		}
		payloads.add("{\"id\":6500000000000001,\"from_number\":\"+1\",\"to_number\":[\"+2\"],\"text\":\"hi\"}");
		payloads.add("{\"event\":\"Created\",\"contact\":{}}");
		payloads.add("{\"something\":\"new\",\"nested\":{\"a\":[1,2,{\"b\":null}]}}");
		return payloads;
	}

	/**
	 * A body made from a genuine token by one or more random mutations, or from nothing.
	 */
	private static byte[] mutant(Random random, List<String> genuine, List<String> payloads) {
		String token = genuine.get(random.nextInt(genuine.size()));
		String[] parts = token.split("\\.");
		String body = switch (random.nextInt(16)) {
			case 0 -> replaceChar(random, token, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			case 1 -> replaceChar(random, token, (char) (32 + random.nextInt(95)));
			case 2 -> deleteChar(random, token);
			case 3 -> insertChar(random, token);
			case 4 -> token.substring(0, random.nextInt(token.length()));
			case 5 -> parts[0] + "." + HandMadeJwt.base64Url(mutateJson(random, payloads)) + "." + parts[2];
			case 6 -> HandMadeJwt.hs256("wrong-" + random.nextInt(), payloads.get(random.nextInt(payloads.size())));
			case 7 -> HandMadeJwt.sign("HmacSHA256", "guess", randomHeader(random), payloads.get(0));
			case 8 -> HandMadeJwt.unsigned(randomHeader(random), payloads.get(random.nextInt(payloads.size())));
			case 9 -> parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2];
			case 10 -> parts[1] + "." + parts[0] + "." + parts[2];
			case 11 -> mutateJson(random, payloads);
			case 12 -> token + randomText(random, 1 + random.nextInt(10));
			case 13 -> randomText(random, random.nextInt(300));
			case 14 -> parts[0] + "." + parts[1] + "." + HandMadeJwt.base64Url(randomBytes(random, 32));
			default -> null;
		};
		if (body == null) {
			return randomBytes(random, random.nextInt(600));
		}
		if (random.nextInt(8) == 0) {
			body = replaceChar(random, body.isEmpty() ? "x" : body, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return body.getBytes(StandardCharsets.UTF_8);
	}

	private static String mutateJson(Random random, List<String> payloads) {
		String payload = payloads.get(random.nextInt(payloads.size()));
		return switch (random.nextInt(5)) {
			case 0 -> payload.replace("ringing", "hangup");
			case 1 -> payload.substring(0, random.nextInt(payload.length()));
			case 2 -> "[" + payload + "]";
			case 3 -> payload + " " + payload;
			default -> replaceChar(random, payload, (char) (32 + random.nextInt(95)));
		};
	}

	private static String randomHeader(Random random) {
		List<String> headers = List.of("{\"alg\":\"none\"}", "{\"alg\":\"HS512\"}", "{\"alg\":\"RS256\"}",
				"{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", "{\"alg\":\"HS256\",\"alg\":\"none\"}",
				"{\"alg\":null}", "{}", "[]", "null", "{\"alg\":\"HS256\",\"jwk\":{}}", "{\"alg\":\"HS256\"");
		return headers.get(random.nextInt(headers.size()));
	}

	private static String replaceChar(Random random, String text, char replacement) {
		int at = random.nextInt(text.length());
		return text.substring(0, at) + replacement + text.substring(at + 1);
	}

	private static String deleteChar(Random random, String text) {
		int at = random.nextInt(text.length());
		return text.substring(0, at) + text.substring(at + 1);
	}

	private static String insertChar(Random random, String text) {
		int at = random.nextInt(text.length() + 1);
		return text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
		}
		return text.toString();
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
