package com.cti.standalone;

import java.time.Duration;

import com.cti.platform.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.cti.standalone.TestSystem.fixtureEvents;
import static com.cti.standalone.TestSystem.get;
import static com.cti.standalone.TestSystem.json;
import static com.cti.standalone.TestSystem.post;
import static com.cti.standalone.TestSystem.signHs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services in one context, as {@code ./cti standalone} runs them: every public
 * path on one base URL, and no two services' beans in each other's way.
 */
class StandaloneApplicationIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static String baseUrl;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(StandaloneApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + TestSystem.kafkaBootstrapServers(),
				"--spring.datasource.url=" + TestPostgres.newDatabase(), "--spring.datasource.username=postgres",
				"--cti.admin.internal-api-secret=standalone-internal-secret-0123456789abcdef",
				"--cti.ingest.webhook-secret=standalone-webhook-secret", "--cti.processor.group-id=standalone-test",
				"--cti.ingest.spool.directory=" + TestSystem.temporaryDirectory("spool"));
		baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void servesEveryPublicPathOnOneBaseUrl() throws Exception {
		assertThat(get(baseUrl + "/health").body()).isEqualTo("{\"status\":\"healthy\"}");
		var created = post(baseUrl + "/internal/apps", "application/json", "{\"name\":\"Wallboard\"}", "Authorization",
				"Bearer standalone-internal-secret-0123456789abcdef");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode app = json.readTree(created.body());

		JsonNode event = fixtureEvents("call-voicemail.json").get(0);
		var accepted = post(baseUrl + "/webhooks/dialpad/" + app.get("app_id").asString(), "application/json",
				signHs256(json.writeValueAsString(event), "standalone-webhook-secret"));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var page = get(baseUrl + "/api/calls", "x-app-api-key", app.get("api_key").asString());
			assertThat(json.readTree(page.body()).get("items").get(0).get("call_id").asLong())
				.isEqualTo(6400000000000201L);
		});
	}

}
