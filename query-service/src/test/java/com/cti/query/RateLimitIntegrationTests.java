package com.cti.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits with their default settings (20 requests/s per key, bursts of 40; 20
 * invalid keys per address at once, then 30 a minute), in a context of their own so that
 * no other test shares the buckets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cti.required-settings=")
class RateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestPostgres.newDatabase();
		// the tables the query service reads, as their owners migrate them
		TestSchemas.migrate(url, "admin", "processor");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void limitsEachKeyToItsBurstThenAnswers429WithRetryAfter() {
		TestData data = new TestData(this.jdbc);
		UUID app = data.newApp();
		String key = data.issueKey(app);
		String otherKey = data.issueKey(app);
		ApiClient api = new ApiClient(this.port);

		ApiClient.Response first = api.get("/api/calls", key);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Limit")).isEqualTo("40");
		assertThat(first.header("RateLimit-Remaining")).isEqualTo("39");
		assertThat(first.header("RateLimit-Reset")).isEqualTo("1");

		List<ApiClient.Response> responses = api.getConcurrently("/api/calls", key, 150);

		ApiClient.Response refused = responses.stream().filter((r) -> r.status() == 429).findFirst().orElseThrow();
		assertThat(responses.stream().filter((r) -> r.status() == 200).count()).isBetween(39L, 149L);
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(429);
		assertThat(api.get("/api/calls", otherKey).status()).as("another key has its own bucket").isEqualTo(200);
		assertThat(throttled("api-key", app.toString()))
			.isEqualTo((double) responses.stream().filter((r) -> r.status() == 429).count());
	}

	@Test
	void throttlesAnAddressThatKeepsTryingInvalidKeys() {
		TestData data = new TestData(this.jdbc);
		String validKey = data.issueKey(data.newApp());
		assertThat(api().get("/api/calls", validKey).status()).isEqualTo(200);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			statuses.add(api().get("/api/calls", "cti_guess-" + i).status());
		}

		assertThat(statuses.subList(0, 20)).containsOnly(401);
		assertThat(statuses.subList(21, 25)).containsOnly(429);
		ApiClient.Response refused = api().get("/api/calls", "cti_guess-again");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
		assertThat(api().get("/api/calls", validKey).status()).as("a known valid key from the same address")
			.isEqualTo(200);
		assertThat(throttled("invalid-keys", "none")).isGreaterThanOrEqualTo(5);
	}

	private double throttled(String reason, String app) {
		var counter = this.meters.find("cti.query.requests.throttled").tags("reason", reason, "app", app).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private ApiClient api() {
		return new ApiClient(this.port);
	}

}
