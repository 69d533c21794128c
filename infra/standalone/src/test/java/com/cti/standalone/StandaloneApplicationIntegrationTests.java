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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.cti.fixtures.MonitoredMetrics;
import com.cti.platform.TestPostgres;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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

	private static final String DIALPAD_API_KEY = "standalone-dialpad-api-key";

	/** Dialpad's call list, for the backfill. */
	private static final WireMockServer dialpad = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	private static StandaloneLauncher launcher;

	private static String baseUrl;

	@BeforeAll
	static void start() throws Exception {
		dialpad.start();
		launcher = new StandaloneLauncher(Path.of(TestSystem.temporaryDirectory("data")),
				Map.of("PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", TestSystem.kafkaBootstrapServers(), "DATABASE_URL",
						TestPostgres.newDatabase(), "DB_USER", "postgres", "INTERNAL_API_SECRET", INTERNAL_SECRET,
						"DIALPAD_WEBHOOK_SECRET", WEBHOOK_SECRET, "CTI_PROCESSOR_GROUP_ID", "standalone-test",
						"DIALPAD_API_BASE_URL", dialpad.baseUrl(), "DIALPAD_API_KEY", DIALPAD_API_KEY,
						"CTI_INGEST_REPLAY_WINDOW", TestSystem.REPLAY_WINDOW));
		launcher.start(List.of());
		baseUrl = "http://localhost:" + launcher.port();
	}

	@AfterAll
	static void stop() {
		launcher.stop();
		dialpad.stop();
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
	void exposesEveryMetricThatTheAlertsAndTheDashboardUse() throws Exception {
		Set<String> used = MonitoredMetrics.used(Path.of("../..").toAbsolutePath().normalize());
		assertThat(used).contains("cti_ingest_webhooks_accepted_total", "cti_health",
				"http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max");
		// the per-partition lag appears at the Kafka binder's first refresh, a minute
		// after the consumer starts (its client-level maximum is there at once)
		used.remove("kafka_consumer_fetch_manager_records_lag");
		// counted when a call to Dialpad fails, with its method and status: no series
		// before that (DialpadClientTests checks it)
		used.remove("cti_admin_dialpad_errors_total");

		JsonNode app = createApp("Monitored");
		String hook = baseUrl + "/webhooks/dialpad/" + app.get("app_id").asString();
		JsonNode event = fixtureEvents("call-voicemail.json").get(0);
		assertThat(
				post(hook, "application/jwt", signHs256(json.writeValueAsString(event), WEBHOOK_SECRET)).statusCode())
			.isEqualTo(200);
		assertThat(post(hook, "application/jwt", signHs256("{}", "not-the-secret")).statusCode()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(get(baseUrl + "/api/calls", "x-app-api-key", app.get("api_key").asString()).statusCode())
				.isEqualTo(200);
			Set<String> exposed = new TreeSet<>();
			for (StandaloneService service : StandaloneService.values()) {
				exposed.addAll(MonitoredMetrics
					.exposed(get("http://127.0.0.1:" + launcher.port(service) + "/actuator/prometheus").body()));
			}
			assertThat(exposed).as("metrics exposed by the four services").containsAll(used);
		});
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

	@Test
	void backfillsACallWhoseWebhooksWereLostThroughIngestAndServesIt() throws Exception {
		JsonNode app = createApp("Backfilled");
		String appId = app.get("app_id").asString();
		long callId = 6_400_000_000_009_901L;
		long started = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)).toEpochMilli();
		// a concluded call as Dialpad's call list gives it: no state
		dialpad.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/call"))
			.withHeader("Authorization", WireMock.equalTo("Bearer " + DIALPAD_API_KEY))
			.willReturn(WireMock.okJson("""
					{"items": [{"call_id": %d, "direction": "outbound", "external_number": "+14155559876",
					  "date_started": %d, "date_connected": null, "date_ended": %d, "duration": 0,
					  "event_timestamp": %d}], "cursor": null}""".formatted(callId, started, started + 20_000,
					started + 20_100))));

		var response = post(baseUrl + "/internal/apps/" + appId + "/backfill?from=" + (started - 60_000),
				"application/json", "", "Authorization", "Bearer " + INTERNAL_SECRET);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("missing").asInt()).isOne();
		assertThat(json.readTree(response.body()).get("published").asInt()).isOne();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			var page = get(baseUrl + "/api/calls", "x-app-api-key", app.get("api_key").asString());
			JsonNode items = json.readTree(page.body()).get("items");
			assertThat(items).hasSize(1);
			assertThat(items.get(0).get("call_id").asLong()).isEqualTo(callId);
			assertThat(items.get(0).get("direction").asString()).isEqualTo("outbound");
		});
		var again = post(baseUrl + "/internal/apps/" + appId + "/backfill?from=" + (started - 60_000),
				"application/json", "", "Authorization", "Bearer " + INTERNAL_SECRET);
		assertThat(json.readTree(again.body()).get("present").asInt()).as(again.body()).isOne();
		assertThat(json.readTree(again.body()).get("published").asInt()).isZero();

		// the proxy routes /internal to the admin: ingest's intake is not behind it
		var intake = post(baseUrl + "/internal/intake/" + appId + "/calls", "application/json",
				"[{\"call_id\": 6400000000009902}]", "Authorization", "Bearer " + INTERNAL_SECRET);
		assertThat(intake.statusCode()).isEqualTo(404);
		assertThat(intake.body()).doesNotContain("urn:cti:intake");
	}

	private static JsonNode createApp(String name) throws Exception {
		var created = post(baseUrl + "/internal/apps", "application/json", "{\"name\":\"" + name + "\"}",
				"Authorization", "Bearer " + INTERNAL_SECRET);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		return json.readTree(created.body());
	}

}
