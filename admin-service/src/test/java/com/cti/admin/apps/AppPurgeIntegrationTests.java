package com.cti.admin.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AppPurgeIntegrationTests {

	private static final JsonMapper plainJson = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void disablesRevokesAuditsAndHandsThePurgeToTheProcessor() {
		UUID appId = api().createApp("to purge").appId();

		Response response = api().withHeader("X-Actor", "alice").delete("/internal/apps/" + appId + "?purge=true");

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().path("success").asBoolean()).isTrue();
		assertThat(response.field("app_id")).isEqualTo(appId.toString());
		assertThat(response.json().path("revoked_keys").asInt()).isEqualTo(1);
		Instant requestedAt = Instant.parse(response.field("purge_requested_at"));
		assertThat(requestedAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
		assertThat(response.json().path("purged_at").isNull()).isTrue();
		assertThat(response.json().path("app").path("enabled").asBoolean()).isFalse();
		assertThat(response.field("message")).contains("being purged");

		JsonNode app = api().get("/internal/apps/" + appId).json();
		assertThat(app.path("enabled").asBoolean()).isFalse();
		assertThat(app.path("live_keys").asInt()).isZero();
		assertThat(Instant.parse(app.path("purge_requested_at").asString())).isEqualTo(requestedAt);
		assertThat(app.path("purged_at").isNull()).isTrue();
		assertThat(auditActions(appId)).contains("revoked", "app_deleted", "app_purge_requested");
		assertThat(this.jdbc.sql("""
				select actor from api_key_audit where app_id = :app and action = 'app_purge_requested'
				""").param("app", appId).query(String.class).single()).isEqualTo("alice");

		List<ConsumerRecord<String, String>> commands = commands(appId);
		assertThat(commands).hasSize(1);
		JsonNode command = plainJson.readTree(commands.get(0).value());
		assertThat(command.path("app_id").asString()).isEqualTo(appId.toString());
		assertThat(Instant.parse(command.path("requested_at").asString())).isEqualTo(requestedAt);
		assertThat(command.path("requested_by").asString()).isEqualTo("alice");
	}

	@Test
	void repeatingAPurgeKeepsTheFirstRequestAndSendsItAgainUntilDone() {
		UUID appId = api().createApp("purged twice").appId();
		Response first = api().delete("/internal/apps/" + appId + "?purge=true");

		Response again = api().delete("/internal/apps/" + appId + "?purge=true");

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().path("revoked_keys").asInt()).isZero();
		assertThat(again.field("purge_requested_at")).isEqualTo(first.field("purge_requested_at"));
		assertThat(commands(appId)).hasSize(2);
	}

	@Test
	void anAppAlreadyPurgedStaysAsItIs() {
		UUID appId = api().createApp("already purged").appId();
		api().delete("/internal/apps/" + appId + "?purge=true");
		// what the processor writes once it has purged
		this.jdbc.sql("insert into app_purges (app_id) values (:id)").param("id", appId).update();
		String purgedAt = api().get("/internal/apps/" + appId).field("purged_at");

		Response again = api().delete("/internal/apps/" + appId + "?purge=true");

		assertThat(again.status()).isEqualTo(202);
		assertThat(again.field("purged_at")).isEqualTo(purgedAt);
		assertThat(again.field("message")).contains("was purged");
		assertThat(commands(appId)).hasSize(1);
		assertThat(auditActions(appId).stream().filter("app_purge_requested"::equals)).hasSize(1);
	}

	@Test
	void aPurgedAppCannotBeEnabledAgain() {
		UUID appId = api().createApp("stays off").appId();
		api().delete("/internal/apps/" + appId + "?purge=true");

		Response response = api().patch("/internal/apps/" + appId, "{\"enabled\": true}");

		assertThat(response.isProblem(409)).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:app-purged");
		assertThat(api().get("/internal/apps/" + appId).json().path("enabled").asBoolean()).isFalse();
	}

	@Test
	void refusesToAssignAnEventToAPurgedApp() {
		UUID appId = api().createApp("no more events").appId();
		api().delete("/internal/apps/" + appId + "?purge=true");
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, kind, content_hash, payload, schema_version, received_at)
				values (:id, 'call', :hash, '{"call_id": 1, "state": "hangup"}', 1, now())
				""").param("id", eventId).param("hash", "hash-" + eventId).update();

		Response response = api().post("/internal/events/" + eventId + "/assign", "{\"app_id\": \"" + appId + "\"}");

		assertThat(response.isProblem(409)).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:app-purged");
	}

	@Test
	void answers404ForAnUnknownApp() {
		UUID appId = UUID.randomUUID();

		Response response = api().delete("/internal/apps/" + appId + "?purge=true");

		assertThat(response.isProblem(404)).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:app-not-found");
		assertThat(commands(appId)).isEmpty();
	}

	@Test
	void withoutPurgeTheDataIsKept() {
		UUID appId = api().createApp("kept").appId();

		Response response = api().delete("/internal/apps/" + appId + "?purge=false");

		assertThat(response.status()).isEqualTo(200);
		assertThat(api().get("/internal/apps/" + appId).json().path("purge_requested_at").isNull()).isTrue();
		assertThat(commands(appId)).isEmpty();
	}

	private List<ConsumerRecord<String, String>> commands(UUID appId) {
		return TopicReader.withKey(this.brokers, Topics.APP_COMMANDS, appId.toString());
	}

	private List<String> auditActions(UUID appId) {
		return this.jdbc.sql("select action from api_key_audit where app_id = :app order by id")
			.param("app", appId)
			.query(String.class)
			.list();
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

}
