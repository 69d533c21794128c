package com.cti.query;

import java.util.ArrayList;
import java.util.List;

import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context that the integration tests share: the whole query service on a
 * random port over a fresh PostgreSQL database. Every test makes its own apps, so tests
 * do not see each other's rows.
 */
// the database comes from @DynamicPropertySource, later than the required-settings check
// runs; the rate limits are out of the way here (RateLimitIntegrationTests checks them
// with
// their defaults)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cti.required-settings=", "cti.query.rate-limit.requests-per-second=100000",
				"cti.query.rate-limit.burst=100000", "cti.query.rate-limit.invalid-key-burst=100000",
				"cti.query.api-key.usage-flush-interval=200ms", "cti.query.stream.heartbeat-interval=1s",
				"cti.query.stream.max-streams-per-app=5",
				// streams must be woken by NOTIFY: the fallback poll would be too late
				// for any test
				"cti.query.stream.poll-interval=60s" })
abstract class ApiIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = TestPostgres.newDatabase();
		// the tables the query service reads, as their owners migrate them
		TestSchemas.migrate(url, "admin", "processor");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/** The given id field of every item of a page (or of an array), in order. */
	static List<Long> ids(JsonNode pageOrArray, String field) {
		List<Long> ids = new ArrayList<>();
		JsonNode items = pageOrArray.isArray() ? pageOrArray : pageOrArray.get("items");
		items.forEach((item) -> ids.add(item.get(field).asLong()));
		return ids;
	}

	TestData data() {
		return new TestData(this.jdbc);
	}

	ApiClient api() {
		return new ApiClient(this.port);
	}

}
