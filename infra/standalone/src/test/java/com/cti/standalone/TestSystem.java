package com.cti.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.cti.fixtures.DialpadFixtures;
import com.cti.kafka.KraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the end-to-end tests share: one real Kafka broker (the launcher's own embedded
 * KRaft broker, {@link KraftBroker}) for the test JVM, an HTTP client, the fixtures, and
 * an HS256 signer written here from the JWT spec (independent of java-jwt).
 */
final class TestSystem {

	/**
	 * Ingest's replay window for these tests: the fixtures' events carry the timestamps
	 * they were recorded with, long past any real window.
	 */
	static final String REPLAY_WINDOW = "3650000d";

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static KraftBroker kafka;

	private TestSystem() {
	}

	static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			kafka = KraftBroker.startTemporary();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
		}
		return kafka.bootstrapServers();
	}

	static String temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory("cti-" + prefix).toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The events of a fixture file of the test-fixtures module, each as its JSON text.
	 */
	static JsonNode fixtureEvents(String name) {
		return json.readTree(DialpadFixtures.text(name)).get("events");
	}

	static String signHs256(String payloadJson, String secret) throws Exception {
		var encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = encoder
			.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
		return header + "." + payload + "." + signature;
	}

	static HttpResponse<String> get(String url, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String url, String contentType, String body, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
