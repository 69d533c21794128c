package com.cti.query;

import java.time.Duration;
import java.util.UUID;

import com.cti.query.apikeys.ApiKeyProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revoked key stops working on every query instance within the documented delay (the
 * key cache's TTL, {@code CTI_QUERY_API_KEY_CACHE_TTL}, 5 s by default: README and
 * docs/client-integration.md): two instances on one database both serve a key, each
 * holding it in its cache, the admin service revokes it in the table, and both refuse it
 * before the TTL has passed (plus the time of one poll and one request).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationAcrossInstancesIntegrationTests extends ApiIntegrationTest {

	// the poll's own period and a request's round trip, on top of the documented bound
	private static final Duration MEASUREMENT_SLACK = Duration.ofMillis(500);

	@Autowired
	private Environment environment;

	@Autowired
	private ApiKeyProperties keys;

	private ConfigurableApplicationContext second;

	@BeforeAll
	void startSecondInstance() {
		this.second = new SpringApplicationBuilder(QueryApplication.class).run("--server.port=0",
				"--cti.required-settings=",
				"--spring.datasource.url=" + this.environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--cti.query.rate-limit.requests-per-second=100000", "--cti.query.rate-limit.burst=100000",
				"--cti.query.rate-limit.invalid-key-burst=100000");
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void everyInstanceRefusesARevokedKeyWithinTheDocumentedDelay() {
		Duration documented = Duration.ofSeconds(5);
		assertThat(this.keys.cacheTtl()).isEqualTo(documented);
		assertThat(this.second.getBean(ApiKeyProperties.class).cacheTtl()).isEqualTo(documented);
		ApiClient first = api();
		ApiClient other = new ApiClient(
				Integer.parseInt(this.second.getEnvironment().getRequiredProperty("local.server.port")));
		UUID app = data().newApp();
		String key = data().issueKey(app);
		assertThat(first.get("/api/calls", key).status()).isEqualTo(200);
		assertThat(other.get("/api/calls", key).status()).isEqualTo(200);

		// as the admin service revokes a key (ApiKeyRepository.revoke)
		this.jdbc.sql("update api_keys set revoked_at = now() where id = :keyId and app_id = :appId")
			.param("keyId", data().keyId(key))
			.param("appId", app)
			.update();
		long revoked = System.nanoTime();

		Duration bound = documented.plus(MEASUREMENT_SLACK);
		await().atMost(bound)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> first.get("/api/calls", key).status() == 401 && other.get("/api/calls", key).status() == 401);
		assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(bound);
		assertThat(first.get("/api/calls", key).status()).isEqualTo(401);
		assertThat(other.get("/api/calls", key).status()).isEqualTo(401);
	}

}
