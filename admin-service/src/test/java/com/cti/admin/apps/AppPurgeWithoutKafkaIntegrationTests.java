package com.cti.admin.apps;

import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminTestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purge with Kafka unreachable: 503, and nothing changed. Same context as
 * {@code ReplayWithoutKafkaIntegrationTests} (same configuration), so no second start-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
				"cti.required-settings=", "cti.admin.internal-api-secret=" + AdminApi.SECRET,
				"cti.admin.replay.publish-timeout=2s", "cti.admin.pipeline.kafka-timeout=1s" })
@ContextConfiguration(initializers = AdminTestDatabase.class)
class AppPurgeWithoutKafkaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answers503AndChangesNothingWhenKafkaDoesNotTakeThePurge() {
		AdminApi api = new AdminApi(this.port);
		UUID appId = api.createApp("purge without kafka").appId();

		Response response = api.delete("/internal/apps/" + appId + "?purge=true");

		assertThat(response.isProblem(503)).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:kafka-unavailable");
		assertThat(response.retryAfter()).isNotNull();
		JsonNode app = api.get("/internal/apps/" + appId).json();
		assertThat(app.path("enabled").asBoolean()).isTrue();
		assertThat(app.path("live_keys").asInt()).isEqualTo(1);
		assertThat(app.path("purge_requested_at").isNull()).isTrue();
		assertThat(this.jdbc
			.sql("""
					select count(*) from api_key_audit where app_id = :app and action in ('app_deleted', 'app_purge_requested')
					""")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
	}

}
