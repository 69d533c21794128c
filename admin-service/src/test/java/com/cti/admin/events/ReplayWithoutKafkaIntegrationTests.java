package com.cti.admin.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin service with Kafka unreachable (nothing listens on the broker's port): a
 * replay answers 503 and the pipeline status says Kafka did not answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
				"cti.required-settings=", "cti.admin.internal-api-secret=" + AdminApi.SECRET,
				"cti.admin.replay.publish-timeout=2s", "cti.admin.pipeline.kafka-timeout=1s" })
@ContextConfiguration(initializers = AdminTestDatabase.class)
class ReplayWithoutKafkaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answers503WhenKafkaDoesNotTakeTheEvent() {
		UUID appId = new AdminApi(this.port).createApp("no kafka").appId();
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, kind, content_hash, payload, schema_version, received_at)
				values (:id, 'call', :hash, '{"call_id": 1, "state": "hangup"}', 1, :received)
				""")
			.param("id", eventId)
			.param("hash", "hash-" + eventId)
			.param("received", Timestamp.from(Instant.now()))
			.update();

		Response response = new AdminApi(this.port).post("/internal/events/" + eventId + "/assign",
				"{\"app_id\": \"" + appId + "\"}");

		assertThat(response.isProblem(503)).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:kafka-unavailable");
		assertThat(response.retryAfter()).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from api_key_audit where app_id = :app and action = 'event_assigned'")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void reportsKafkaUnavailableInThePipelineStatusButStillCountsEvents() {
		Response response = new AdminApi(this.port).get("/internal/pipeline");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("consumer").path("available").asBoolean()).isFalse();
		assertThat(response.json().path("consumer").path("error").asString()).isNotBlank();
		assertThat(response.json().path("unattributed_events").isNumber()).isTrue();
		assertThat(response.json().path("ingest").path("available").asBoolean()).isFalse();
		assertThat(response.json().path("ingest").path("error").asString()).isNotBlank();
	}

}
