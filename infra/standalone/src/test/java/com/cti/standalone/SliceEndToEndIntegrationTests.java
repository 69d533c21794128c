package com.cti.standalone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.cti.platform.TestPostgres;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static com.cti.standalone.TestSystem.fixtureEvents;
import static com.cti.standalone.TestSystem.get;
import static com.cti.standalone.TestSystem.json;
import static com.cti.standalone.TestSystem.post;
import static com.cti.standalone.TestSystem.signHs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation's slice through HTTP across the four services, each its own Spring Boot
 * application on its own port (as the standalone starts them, without its proxy), sharing
 * one real Kafka broker and one real PostgreSQL: create an app, post a signed Dialpad
 * call event, read the call back through the client API. The services export their spans
 * over OTLP to a fake collector, where the processor's span of a webhook's event is found
 * in the webhook request's trace.
 */
class SliceEndToEndIntegrationTests {

	private static final String INTERNAL_SECRET = "internal-secret-for-tests-0123456789abcdef";

	private static final String WEBHOOK_SECRET = "webhook-secret-for-tests";

	private static final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private static String ingest;

	private static String processor;

	private static String query;

	private static String admin;

	/** An OTLP collector that takes every span the services export. */
	private static final WireMockServer collector = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeAll
	static void startServices() {
		collector.start();
		collector.stubFor(WireMock.post("/v1/traces").willReturn(WireMock.ok()));
		Map<String, String> settings = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestSystem.kafkaBootstrapServers(),
				"DATABASE_URL", TestPostgres.newDatabase(), "DB_USER", "postgres", "INTERNAL_API_SECRET",
				INTERNAL_SECRET, "DIALPAD_WEBHOOK_SECRET", WEBHOOK_SECRET, "INGEST_SPOOL_DIR",
				TestSystem.temporaryDirectory("spool"), "CTI_INGEST_REPLAY_WINDOW", TestSystem.REPLAY_WINDOW,
				"management.opentelemetry.tracing.export.otlp.endpoint", collector.baseUrl() + "/v1/traces",
				"management.tracing.sampling.probability", "1.0");
		// each service migrates its own tables; the admin service starts first, since the
		// processor and the query
		// service wait for the tables of the services they read
		admin = start(StandaloneService.ADMIN, settings);
		ingest = start(StandaloneService.INGEST, settings);
		processor = start(StandaloneService.PROCESSOR, settings);
		query = start(StandaloneService.QUERY, settings);
	}

	private static String start(StandaloneService service, Map<String, String> settings) {
		var context = service.start(0, settings, List.of());
		services.add(context);
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServices() {
		services.forEach(ConfigurableApplicationContext::close);
		collector.stop();
	}

	@Test
	void exportsTheProcessorsSpanOfAWebhookInTheWebhookRequestsTrace() throws Exception {
		String appId = createApp("Traced App").get("app_id").asString();
		String traceId = UUID.randomUUID().toString().replace("-", "");
		JsonNode event = fixtureEvents("call-answered-two-legs.json").get(0);

		var response = post(ingest + "/webhooks/dialpad/" + appId, "application/jwt",
				signHs256(json.writeValueAsString(event), WEBHOOK_SECRET), "traceparent",
				"00-" + traceId + "-" + traceId.substring(16) + "-01");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		// OTLP/HTTP carries protobuf: a span's trace id is its 16 raw bytes, the
		// exporting service's name a string of its resource
		byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(collector.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/v1/traces"))))
						.extracting(LoggedRequest::getBody)
						.anySatisfy((body) -> {
							assertThat(contains(body, "processor-service".getBytes(StandardCharsets.UTF_8))).isTrue();
							assertThat(contains(body, traceIdBytes)).isTrue();
						}));
	}

	private static boolean contains(byte[] body, byte[] part) {
		for (int i = 0; i + part.length <= body.length; i++) {
			if (Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void signedCallEventTravelsFromWebhookToClientApiOfItsAppOnly() throws Exception {
		JsonNode app = createApp("My Production App");
		JsonNode otherApp = createApp("Another App");
		String appId = app.get("app_id").asString();

		for (JsonNode event : fixtureEvents("call-answered-two-legs.json")) {
			var response = post(ingest + "/webhooks/dialpad/" + appId, "application/jwt",
					signHs256(json.writeValueAsString(event), WEBHOOK_SECRET));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}

		String key = app.get("api_key").asString();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode page = json.readTree(get(query + "/api/calls", "x-app-api-key", key).body());
			assertThat(callIds(page)).containsExactlyInAnyOrder(6400000000000101L, 6400000000000102L);
		});
		JsonNode agentLeg = findCall(key, 6400000000000102L);
		assertThat(agentLeg.get("direction").asString()).isEqualTo("inbound");
		assertThat(agentLeg.get("external_number").asString()).isEqualTo("+14155559876");
		assertThat(agentLeg.get("internal_number").asString()).isEqualTo("+14155550142");
		assertThat(agentLeg.get("started_at").asString()).isEqualTo("2025-11-26T12:00:00Z");
		assertThat(agentLeg.get("connected_at_ms").asLong()).isEqualTo(1764158405210L);
		assertThat(agentLeg.get("ended_at_ms").asLong()).isEqualTo(1764158587300L);
		assertThat(agentLeg.get("duration_ms").asLong()).isEqualTo(182090L);
		assertThat(agentLeg.get("duration_seconds").asDouble()).isEqualTo(182.09);
		assertThat(agentLeg.get("state").asString()).isEqualTo("recap_summary");
		assertThat(agentLeg.get("answered").asBoolean()).isTrue();
		assertThat(agentLeg.get("conversation_id").asLong()).isEqualTo(6400000000000101L);

		JsonNode otherPage = json
			.readTree(get(query + "/api/calls", "x-app-api-key", otherApp.get("api_key").asString()).body());
		assertThat(otherPage.get("items")).isEmpty();
	}

	@Test
	void refusesForgedWebhooksAndUnauthenticatedClients() throws Exception {
		JsonNode app = createApp("Guarded App");
		String appId = app.get("app_id").asString();
		String key = app.get("api_key").asString();
		JsonNode event = fixtureEvents("call-outbound.json").get(0);

		var forged = post(ingest + "/webhooks/dialpad/" + appId, "application/jwt",
				signHs256(json.writeValueAsString(event), "not-the-secret"));
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(forged.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		var genuine = post(ingest + "/webhooks/dialpad/" + appId, "text/plain",
				signHs256(json.writeValueAsString(fixtureEvents("call-missed.json").get(0)), WEBHOOK_SECRET));
		assertThat(genuine.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(callIds(json.readTree(get(query + "/api/calls", "x-app-api-key", key).body())))
						.containsExactly(6400000000000401L));

		assertThat(get(query + "/api/calls").statusCode()).isEqualTo(401);
		assertThat(get(query + "/api/calls", "x-app-api-key", "cti_wrong").statusCode()).isEqualTo(401);
		var noBearer = post(admin + "/internal/apps", "application/json", "{\"name\":\"x\"}");
		assertThat(noBearer.statusCode()).isEqualTo(401);
		var wrongBearer = post(admin + "/internal/apps", "application/json", "{\"name\":\"x\"}", "Authorization",
				"Bearer wrong");
		assertThat(wrongBearer.statusCode()).isEqualTo(401);
	}

	@Test
	void everyServiceAnswersTheSeedHealthCheck() throws Exception {
		for (String service : List.of(ingest, processor, query, admin)) {
			var response = get(service + "/health");
			assertThat(response.statusCode()).as(service).isEqualTo(200);
			assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("healthy");
		}
		JsonNode processorHealth = json.readTree(get(processor + "/actuator/health").body());
		assertThat(processorHealth.get("components").has("db")).isTrue();
		assertThat(processorHealth.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
		JsonNode ingestHealth = json.readTree(get(ingest + "/actuator/health").body());
		assertThat(ingestHealth.get("components").has("db")).as("ingest needs no database").isFalse();
	}

	private static JsonNode createApp(String name) throws Exception {
		var response = post(admin + "/internal/apps", "application/json", "{\"name\":\"" + name + "\"}",
				"Authorization", "Bearer " + INTERNAL_SECRET);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("api_key").asString()).startsWith("cti_");
		return body;
	}

	private static JsonNode findCall(String key, long callId) throws Exception {
		JsonNode page = json.readTree(get(query + "/api/calls", "x-app-api-key", key).body());
		return StreamSupport.stream(page.get("items").spliterator(), false)
			.filter((call) -> call.get("call_id").asLong() == callId)
			.findFirst()
			.orElseThrow();
	}

	private static List<Long> callIds(JsonNode page) {
		return StreamSupport.stream(page.get("items").spliterator(), false)
			.map((call) -> call.get("call_id").asLong())
			.toList();
	}

}
