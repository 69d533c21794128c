package com.cti.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.platform.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static com.cti.standalone.TestSystem.get;
import static com.cti.standalone.TestSystem.json;
import static com.cti.standalone.TestSystem.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./cti standalone} on a database that the shared scripts of before migrated (one
 * {@code flyway_schema_history}, V1 to V7): each service takes over its own tables, and
 * the data and the apps' purge state stay as they were.
 */
class StandaloneUpgradeIntegrationTests {

	private static final String INTERNAL_SECRET = "standalone-internal-secret-0123456789abcdef";

	@Test
	void startsOnADatabaseOfTheSharedScriptsOfBefore() throws Exception {
		String database = TestPostgres.newDatabase();
		Flyway.configure().dataSource(database, "postgres", "").locations("classpath:db/legacy").load().migrate();
		JdbcClient jdbc = JdbcClient
			.create(new SimpleDriverDataSource(new org.postgresql.Driver(), database, "postgres", ""));
		UUID purged = UUID.randomUUID();
		jdbc.sql("""
				insert into apps (id, name, enabled, purge_requested_at, purged_at)
				values (:id, 'Purged before', false, '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z')
				""").param("id", purged).update();
		var launcher = new StandaloneLauncher(Path.of(TestSystem.temporaryDirectory("data")),
				Map.of("PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", TestSystem.kafkaBootstrapServers(), "DATABASE_URL",
						database, "DB_USER", "postgres", "INTERNAL_API_SECRET", INTERNAL_SECRET,
						"DIALPAD_WEBHOOK_SECRET", "standalone-webhook-secret", "CTI_PROCESSOR_GROUP_ID",
						"standalone-upgrade-test"));
		try {
			launcher.start(List.of());
			String baseUrl = "http://localhost:" + launcher.port();

			var app = get(baseUrl + "/internal/apps/" + purged, "Authorization", "Bearer " + INTERNAL_SECRET);
			assertThat(app.statusCode()).as(app.body()).isEqualTo(200);
			assertThat(json.readTree(app.body()).get("purged_at").asString()).isEqualTo("2026-01-02T03:04:06Z");
			var created = post(baseUrl + "/internal/apps", "application/json", "{\"name\":\"After\"}", "Authorization",
					"Bearer " + INTERNAL_SECRET);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
			JsonNode calls = json.readTree(get(baseUrl + "/api/calls", "x-app-api-key",
					json.readTree(created.body()).get("api_key").asString())
				.body());
			assertThat(calls.get("items").isEmpty()).isTrue();
		}
		finally {
			launcher.stop();
		}
		assertThat(jdbc.sql("select version from flyway_history_processor where type = 'BASELINE'")
			.query(String.class)
			.list()).containsExactly("1");
		assertThat(jdbc
			.sql("select count(*) from pg_constraint where contype = 'f' and confrelid in"
					+ " ('apps'::regclass, 'api_keys'::regclass) and conrelid in ('calls'::regclass,"
					+ " 'webhook_events'::regclass, 'api_key_usage'::regclass)")
			.query(Long.class)
			.single()).isZero();
	}

}
