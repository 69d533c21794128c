package com.cti.standalone;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.cti.platform.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.cti.standalone.TestSystem.fixtureEvents;
import static com.cti.standalone.TestSystem.get;
import static com.cti.standalone.TestSystem.json;
import static com.cti.standalone.TestSystem.post;
import static com.cti.standalone.TestSystem.signHs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as {@code ./cti standalone} runs them, each its own Spring Boot
 * application behind the launcher's reverse proxy: every public path on one base URL,
 * bodies, headers, status codes and problem bodies through the proxy, the stream event by
 * event, and the client's own address in the audit log.
 */
class StandaloneApplicationIntegrationTests {

	private static final String INTERNAL_SECRET = "standalone-internal-secret-0123456789abcdef";

	private static final String WEBHOOK_SECRET = "standalone-webhook-secret";

	private static StandaloneLauncher launcher;

	private static String baseUrl;

	@BeforeAll
	static void start() throws Exception {
		launcher = new StandaloneLauncher(Path.of(TestSystem.temporaryDirectory("data")),
				Map.of("PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", TestSystem.kafkaBootstrapServers(), "DATABASE_URL",
						TestPostgres.newDatabase(), "DB_USER", "postgres", "INTERNAL_API_SECRET", INTERNAL_SECRET,
						"DIALPAD_WEBHOOK_SECRET", WEBHOOK_SECRET, "CTI_PROCESSOR_GROUP_ID", "standalone-test"));
		launcher.start(List.of());
		baseUrl = "http://localhost:" + launcher.port();
	}

	@AfterAll
	static void stop() {
		launcher.stop();
	}

	@Test
	void servesEveryPublicPathOnOneBaseUrl() throws Exception {
		assertThat(get(baseUrl + "/health").body()).isEqualTo("{\"status\":\"healthy\"}");
		JsonNode app = createApp("Wallboard");

		JsonNode event = fixtureEvents("call-voicemail.json").get(0);
		var accepted = post(baseUrl + "/webhooks/dialpad/" + app.get("app_id").asString(), "application/json",
				signHs256(json.writeValueAsString(event), WEBHOOK_SECRET));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var page = get(baseUrl + "/api/calls", "x-app-api-key", app.get("api_key").asString());
			assertThat(json.readTree(page.body()).get("items").get(0).get("call_id").asLong())
				.isEqualTo(6400000000000201L);
		});
		assertThat(get(baseUrl + "/v3/api-docs").body()).contains("/api/calls");
	}

	@Test
	void passesStatusCodesAndProblemBodiesThrough() throws Exception {
		var unauthorized = get(baseUrl + "/api/calls", "x-app-api-key", "cti_wrong");
		assertThat(unauthorized.statusCode()).isEqualTo(401);
		assertThat(unauthorized.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(unauthorized.body()).get("status").asInt()).isEqualTo(401);

		var wrongBearer = post(baseUrl + "/internal/apps", "application/json", "{\"name\":\"x\"}", "Authorization",
				"Bearer wrong");
		assertThat(wrongBearer.statusCode()).isEqualTo(401);
		var forged = post(baseUrl + "/webhooks/dialpad/" + createApp("Guarded").get("app_id").asString(),
				"application/jwt", signHs256("{}", "not-the-secret"));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		var tooLarge = post(baseUrl + "/webhooks/dialpad", "application/jwt", "x".repeat(300 * 1024));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		var unknown = get(baseUrl + "/no-such-path");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void streamsEachChangeThroughTheProxyAsItHappensAndResumesFromLastEventId() throws Exception {
		JsonNode app = createApp("Stream");
		String key = app.get("api_key").asString();
		BlockingQueue<String> ids = new LinkedBlockingQueue<>();
		var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/stream"))
			.header("x-app-api-key", key)
			.GET()
			.build();
		var stream = TestSystem.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		Stream<String> lines = stream.get(10, TimeUnit.SECONDS).body();
		Thread reader = new Thread(() -> lines.filter((line) -> line.startsWith("id:"))
			.forEach((line) -> ids.add(line.substring(3).strip())));
		reader.setDaemon(true);
		reader.start();
		try {
			List<JsonNode> events = List.of(fixtureEvents("call-outbound.json").get(0),
					fixtureEvents("call-missed.json").get(0));
			String firstId = null;
			for (JsonNode event : events) {
				var accepted = post(baseUrl + "/webhooks/dialpad/" + app.get("app_id").asString(), "application/jwt",
						signHs256(json.writeValueAsString(event), WEBHOOK_SECRET));
				assertThat(accepted.statusCode()).isEqualTo(200);
				// each change arrives while the stream stays open: nothing waits in a
				// buffer for the response to end
				String id = ids.poll(15, TimeUnit.SECONDS);
				assertThat(id).as("a change event through the open stream").isNotNull();
				firstId = (firstId != null) ? firstId : id;
			}
			var resumed = new java.util.ArrayList<String>();
			var again = TestSystem.http
				.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/api/stream"))
					.header("x-app-api-key", key)
					.header("Last-Event-ID", firstId)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofLines())
				.get(10, TimeUnit.SECONDS);
			Thread resumeReader = new Thread(() -> again.body()
				.filter((line) -> line.startsWith("id:"))
				.forEach((line) -> resumed.add(line.substring(3).strip())));
			resumeReader.setDaemon(true);
			resumeReader.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> !resumed.isEmpty());
			assertThat(resumed).doesNotContain(firstId);
			again.body().close();
		}
		finally {
			lines.close();
		}
	}

	@Test
	void auditsTheClientsAddressNotOneItClaims() throws Exception {
		String body = "{\"name\":\"From 127.0.0.2\"}";
		try (var socket = new Socket()) {
			socket.bind(new InetSocketAddress("127.0.0.2", 0));
			socket.connect(new InetSocketAddress("127.0.0.1", launcher.port()), 5000);
			socket.setSoTimeout(10000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /internal/apps HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + INTERNAL_SECRET
					+ "\r\nX-Forwarded-For: 203.0.113.9\r\nContent-Type: application/json\r\nContent-Length: "
					+ body.length() + "\r\nConnection: close\r\n\r\n" + body)
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			assertThat(in.readLine()).startsWith("HTTP/1.1 200");
		}
		JsonNode audit = json
			.readTree(get(baseUrl + "/internal/audit", "Authorization", "Bearer " + INTERNAL_SECRET).body());
		assertThat(audit.get("items").get(0).get("source_address").asString()).isEqualTo("127.0.0.2");
	}

	private static JsonNode createApp(String name) throws Exception {
		var created = post(baseUrl + "/internal/apps", "application/json", "{\"name\":\"" + name + "\"}",
				"Authorization", "Bearer " + INTERNAL_SECRET);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		return json.readTree(created.body());
	}

}
