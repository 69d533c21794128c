package com.cti.admin.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.apikeys.ApiKeys;
import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AppsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAppWithAKeyStoredOnlyAsItsHash() {
		Response response = api().post("/internal/apps", """
				{"name": "  Acme CRM  "}
				""");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("success").asBoolean()).isTrue();
		UUID appId = UUID.fromString(response.field("app_id"));
		String apiKey = response.field("api_key");
		assertThat(apiKey).startsWith("cti_").hasSizeGreaterThanOrEqualTo(4 + 43);
		assertThat(response.field("message")).isNotBlank();
		assertThat(
				this.jdbc.sql("select name from apps where id = :id").param("id", appId).query(String.class).single())
			.isEqualTo("Acme CRM");
		var key = this.jdbc.sql("select id, prefix, key_hash from api_keys where app_id = :id")
			.param("id", appId)
			.query((rs, n) -> new StoredKey(rs.getObject("id", UUID.class), rs.getString("prefix"),
					rs.getBytes("key_hash")))
			.single();
		assertThat(key.prefix()).isEqualTo(apiKey.substring(0, 12));
		assertThat(key.hash()).isEqualTo(ApiKeys.hash(apiKey));
		assertThat(plainKeyStored(apiKey)).isFalse();
		assertThat(this.jdbc.sql("""
				select count(*) from api_key_audit
				where app_id = :app and key_id = :key and action = 'issued' and source_address is not null
				""").param("app", appId).param("key", key.id()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void refusesMissingOrWrongBearerAndCreatesNothing() {
		String body = """
				{"name": "refused-%s"}
				""".formatted(UUID.randomUUID());
		for (String authorization : new String[] { null, "Bearer wrong", "Bearer " + AdminApi.SECRET + "x",
				AdminApi.SECRET, "Basic " + AdminApi.SECRET }) {
			Response response = api().send("POST", "/internal/apps", body, "application/json", authorization);

			assertThat(response.isProblem(401)).as(String.valueOf(authorization)).isTrue();
			assertThat(response.json().path("type").asString()).isEqualTo("urn:cti:admin:unauthorized");
		}
		assertThat(appsNamed(body)).isZero();
	}

	@Test
	void rejectsBadBodiesWithA400ProblemAndCreatesNothing() {
		long apps = countApps();
		for (String body : new String[] { "{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"   \"}",
				"{\"name\": \"" + "x".repeat(201) + "\"}", "name=acme", "{\"name\": ", "[\"acme\"]",
				"{\"name\": {\"first\": \"acme\"}}" }) {
			Response response = api().post("/internal/apps", body);

			assertThat(response.isProblem(400)).as(body).isTrue();
		}
		assertThat(countApps()).isEqualTo(apps);
	}

	@Test
	void namesTheInvalidFieldInTheProblem() {
		Response response = api().post("/internal/apps", "{\"name\": \" \"}");

		assertThat(response.isProblem(400)).isTrue();
		assertThat(response.json().path("errors").path(0).path("field").asString()).isEqualTo("name");
		assertThat(response.field("detail")).contains("name");
	}

	@Test
	void acceptsANameOfTwoHundredCharacters() {
		Response response = api().post("/internal/apps", "{\"name\": \"" + "y".repeat(200) + "\"}");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void listsAppsNewestFirstOneKeysetPageAtATime() {
		UUID first = api().createApp("list-1").appId();
		UUID second = api().createApp("list-2").appId();
		UUID third = api().createApp("list-3").appId();

		List<UUID> seen = new ArrayList<>();
		String cursor = null;
		do {
			Response page = api().get("/internal/apps?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.json().path("items").size()).isBetween(1, 2);
			page.json().path("items").forEach((app) -> seen.add(UUID.fromString(app.path("app_id").asString())));
			cursor = page.field("next_cursor");
		}
		while (cursor != null);

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen.stream().filter(List.of(first, second, third)::contains)).containsExactly(third, second, first);
	}

	@Test
	void filtersAppsByEnabled() {
		UUID disabled = api().createApp("filter-disabled").appId();
		api().patch("/internal/apps/" + disabled, "{\"enabled\": false}");

		assertThat(ids(api().get("/internal/apps?enabled=false&limit=500"))).contains(disabled);
		assertThat(ids(api().get("/internal/apps?enabled=true&limit=500"))).doesNotContain(disabled);
	}

	@Test
	void showsOneApp() {
		UUID appId = api().createApp("shown").appId();

		Response response = api().get("/internal/apps/" + appId);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("app_id")).isEqualTo(appId.toString());
		assertThat(response.field("name")).isEqualTo("shown");
		assertThat(response.json().path("enabled").asBoolean()).isTrue();
		assertThat(response.json().path("live_keys").asInt()).isEqualTo(1);
		assertThat(response.field("created_at")).isNotNull();
		assertThat(response.field("disabled_at")).isNull();
		assertThat(response.text()).doesNotContain("key_hash").doesNotContain("cti_");
	}

	@Test
	void answers404ForAnUnknownAppAnd400ForAMalformedId() {
		for (String method : new String[] { "GET", "PATCH", "DELETE" }) {
			Response unknown = api().send(method, "/internal/apps/" + UUID.randomUUID(),
					method.equals("PATCH") ? "{\"name\": \"x\"}" : null);
			assertThat(unknown.isProblem(404)).as(method).isTrue();
			assertThat(unknown.field("type")).isEqualTo("urn:cti:admin:app-not-found");

			Response malformed = api().send(method, "/internal/apps/not-a-uuid",
					method.equals("PATCH") ? "{\"name\": \"x\"}" : null);
			assertThat(malformed.isProblem(400)).as(method).isTrue();
		}
	}

	@Test
	void renamesDisablesAndEnablesAnApp() {
		UUID appId = api().createApp("before").appId();

		Response renamed = api().patch("/internal/apps/" + appId, "{\"name\": \" after \"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.field("name")).isEqualTo("after");
		assertThat(renamed.json().path("enabled").asBoolean()).isTrue();

		Response disabled = api().patch("/internal/apps/" + appId, "{\"enabled\": false}");
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(disabled.field("disabled_at")).isNotNull();
		assertThat(disabled.field("name")).isEqualTo("after");

		Response enabled = api().patch("/internal/apps/" + appId, "{\"enabled\": true, \"name\": \"again\"}");
		assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
		assertThat(enabled.field("disabled_at")).isNull();
		assertThat(enabled.field("name")).isEqualTo("again");

		assertThat(auditActions(appId)).containsExactly("app_created", "issued", "app_renamed", "app_disabled",
				"app_renamed", "app_enabled");
	}

	@Test
	void rejectsBadChangesWithA400ProblemAndChangesNothing() {
		UUID appId = api().createApp("unchanged").appId();

		for (String body : new String[] { "{}", "{\"name\": null}", "{\"name\": \"\"}", "{\"name\": \"  \"}",
				"{\"name\": \"" + "x".repeat(201) + "\"}", "{\"enabled\": \"maybe\"}", "enabled=false", "{\"name\": ",
				"[]" }) {
			Response response = api().patch("/internal/apps/" + appId, body);

			assertThat(response.isProblem(400)).as(body).isTrue();
		}
		Response app = api().get("/internal/apps/" + appId);
		assertThat(app.field("name")).isEqualTo("unchanged");
		assertThat(app.json().path("enabled").asBoolean()).isTrue();
		assertThat(auditActions(appId)).containsExactly("app_created", "issued");
	}

	@Test
	void deletingDisablesTheAppAndRevokesEveryKeyButKeepsItsData() {
		UUID appId = api().createApp("deleted").appId();
		api().post("/internal/apps/" + appId + "/api-key", null);

		Response deleted = api().delete("/internal/apps/" + appId);

		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.json().path("success").asBoolean()).isTrue();
		assertThat(deleted.json().path("revoked_keys").asInt()).isEqualTo(2);
		assertThat(this.jdbc.sql("select enabled from apps where id = :id")
			.param("id", appId)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from api_keys where app_id = :id and revoked_at is null")
			.param("id", appId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from api_keys where app_id = :id")
			.param("id", appId)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(api().get("/internal/apps/" + appId).json().path("live_keys").asInt()).isZero();

		Response again = api().delete("/internal/apps/" + appId);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("revoked_keys").asInt()).isZero();
		assertThat(auditActions(appId)).containsSubsequence("revoked", "revoked", "app_deleted", "app_deleted");
	}

	@Test
	void rejectsAPurgeFlagThatIsNotABoolean() {
		UUID appId = api().createApp("not purged").appId();

		assertThat(api().delete("/internal/apps/" + appId + "?purge=maybe").isProblem(400)).isTrue();
		Response app = api().get("/internal/apps/" + appId);
		assertThat(app.json().path("enabled").asBoolean()).isTrue();
		assertThat(app.json().path("purge_requested_at").isNull()).isTrue();
	}

	@Test
	void rejectsBadListParameters() {
		for (String query : new String[] { "limit=0", "limit=501", "limit=many", "cursor=not-a-cursor",
				"cursor=" + java.util.Base64.getUrlEncoder().encodeToString("2020|x".getBytes()), "enabled=perhaps" }) {
			Response response = api().get("/internal/apps?" + query);

			assertThat(response.isProblem(400)).as(query).isTrue();
		}
	}

	private List<String> auditActions(UUID appId) {
		return this.jdbc.sql("select action from api_key_audit where app_id = :id order by id")
			.param("id", appId)
			.query(String.class)
			.list();
	}

	private static List<UUID> ids(Response page) {
		List<UUID> ids = new ArrayList<>();
		page.json().path("items").forEach((app) -> ids.add(UUID.fromString(app.path("app_id").asString())));
		return ids;
	}

	private boolean plainKeyStored(String apiKey) {
		return this.jdbc.sql("""
				select count(*) from api_keys
				where prefix = :key or encode(key_hash, 'escape') like '%' || :key || '%'
				   or encode(key_hash, 'hex') = :key or encode(key_hash, 'base64') = :key
				""").param("key", apiKey).query(Integer.class).single() > 0;
	}

	private long appsNamed(String body) {
		String name = body.substring(body.indexOf("refused-"), body.lastIndexOf('"'));
		return this.jdbc.sql("select count(*) from apps where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private long countApps() {
		return this.jdbc.sql("select count(*) from apps").query(Long.class).single();
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

	record StoredKey(UUID id, String prefix, byte[] hash) {
	}

}
