package com.cti.admin.apps;

import java.util.UUID;

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
		assertThat(key.hash()).isEqualTo(com.cti.admin.apikeys.ApiKeys.hash(apiKey));
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
	void acceptsANameOfTwoHundredCharacters() {
		Response response = api().post("/internal/apps", "{\"name\": \"" + "y".repeat(200) + "\"}");

		assertThat(response.status()).isEqualTo(200);
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
