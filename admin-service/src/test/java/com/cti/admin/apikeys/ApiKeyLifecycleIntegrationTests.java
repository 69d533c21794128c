package com.cti.admin.apikeys;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.CreatedApp;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A key's life through the API, checked in the database the way the query service
 * authenticates a request.
 */
@AdminIntegrationTest
class ApiKeyLifecycleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void issuedKeyWorksRotatedKeyWorksUntilItsGraceEndsRevokedKeyStopsAtOnce() {
		CreatedApp app = api().createApp("lifecycle");
		String first = app.apiKey();
		assertThat(appOfKey(first)).isEqualTo(app.appId());

		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key", """
				{"grace_period_seconds": 3600}
				""");
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().path("success").asBoolean()).isTrue();
		assertThat(rotated.field("app_id")).isEqualTo(app.appId().toString());
		String second = rotated.field("api_key");
		assertThat(second).startsWith("cti_").isNotEqualTo(first);
		assertThat(rotated.field("prefix")).isEqualTo(second.substring(0, 12));
		assertThat(rotated.json().path("previous_keys").size()).isEqualTo(1);
		Instant firstExpires = Instant
			.parse(rotated.json().path("previous_keys").path(0).path("expires_at").asString());
		assertThat(firstExpires).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
		assertThat(appOfKey(first)).isEqualTo(app.appId());
		assertThat(appOfKey(second)).isEqualTo(app.appId());

		Response rotatedNow = api().post("/internal/apps/" + app.appId() + "/api-key?grace=0", null);
		String third = rotatedNow.field("api_key");
		assertThat(rotatedNow.json().path("previous_keys").size()).isEqualTo(2);
		assertThat(appOfKey(first)).isNull();
		assertThat(appOfKey(second)).isNull();
		assertThat(appOfKey(third)).isEqualTo(app.appId());

		UUID thirdId = UUID.fromString(rotatedNow.field("key_id"));
		Response revoked = api().delete("/internal/apps/" + app.appId() + "/api-keys/" + thirdId);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.field("revoked_at")).isNotNull();
		assertThat(appOfKey(third)).isNull();
	}

	@Test
	void previousKeyStopsWorkingWhenTheGracePeriodEnds() {
		CreatedApp app = api().createApp("short grace");

		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key", """
				{"grace_period_seconds": 1}
				""");

		assertThat(rotated.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> appOfKey(app.apiKey()) == null);
		assertThat(appOfKey(rotated.field("api_key"))).isEqualTo(app.appId());
	}

	@Test
	void previousKeyKeepsWorkingForADayByDefault() {
		CreatedApp app = api().createApp("default grace");

		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key", null);

		Instant expires = Instant.parse(rotated.json().path("previous_keys").path(0).path("expires_at").asString());
		assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(Duration.ofMinutes(1)));
		assertThat(appOfKey(app.apiKey())).isEqualTo(app.appId());
	}

	@Test
	void takesTheGracePeriodFromTheQueryAsADuration() {
		CreatedApp app = api().createApp("query grace");

		Response iso = api().post("/internal/apps/" + app.appId() + "/api-key?grace=PT1H", null);
		Response simple = api().post("/internal/apps/" + app.appId() + "/api-key?grace=90m", "{}");

		assertThat(Instant.parse(iso.json().path("previous_keys").path(0).path("expires_at").asString()))
			.isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
		// the first key keeps its earlier end; the second one gets 90 minutes
		assertThat(keyExpiries(app.appId())).hasSize(2)
			.anySatisfy((expires) -> assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofHours(1)),
					within(Duration.ofMinutes(1))))
			.anySatisfy((expires) -> assertThat(expires).isCloseTo(Instant.now().plus(Duration.ofMinutes(90)),
					within(Duration.ofMinutes(1))));
		assertThat(simple.status()).isEqualTo(200);
	}

	@Test
	void rejectsBadRotationsWithA400ProblemAndChangesNothing() {
		CreatedApp app = api().createApp("bad rotation");
		String path = "/internal/apps/" + app.appId() + "/api-key";

		for (String body : new String[] { "{\"grace_period_seconds\": -1}", "{\"grace_period_seconds\": \"soon\"}",
				"{\"grace_period_seconds\": 2592001}", "{\"grace_period_seconds\": ", "grace=1" }) {
			assertThat(api().post(path, body).isProblem(400)).as(body).isTrue();
		}
		for (String query : new String[] { "grace=soon", "grace=-PT1H", "grace=P31D", "grace=" }) {
			assertThat(api().post(path + "?" + query, null).isProblem(400)).as(query).isTrue();
		}
		assertThat(api().post(path + "?grace=PT1H", "{\"grace_period_seconds\": 5}").isProblem(400)).isTrue();

		assertThat(keyCount(app.appId())).isEqualTo(1);
		assertThat(appOfKey(app.apiKey())).isEqualTo(app.appId());
		assertThat(auditActions(app.appId())).containsExactly("app_created", "issued");
	}

	@Test
	void answers404ForAnUnknownAppOrKeyAnd400ForMalformedIds() {
		CreatedApp app = api().createApp("unknowns");
		CreatedApp other = api().createApp("other");
		UUID otherKey = keyIds(other.appId()).get(0);

		assertThat(api().post("/internal/apps/" + UUID.randomUUID() + "/api-key", null).isProblem(404)).isTrue();
		assertThat(api().get("/internal/apps/" + UUID.randomUUID() + "/api-keys").isProblem(404)).isTrue();
		assertThat(api().delete("/internal/apps/" + UUID.randomUUID() + "/api-keys/" + otherKey).isProblem(404))
			.isTrue();
		Response foreignKey = api().delete("/internal/apps/" + app.appId() + "/api-keys/" + otherKey);
		assertThat(foreignKey.isProblem(404)).isTrue();
		assertThat(foreignKey.field("type")).isEqualTo("urn:cti:admin:key-not-found");
		assertThat(api().delete("/internal/apps/" + app.appId() + "/api-keys/" + UUID.randomUUID()).isProblem(404))
			.isTrue();
		assertThat(api().post("/internal/apps/nope/api-key", null).isProblem(400)).isTrue();
		assertThat(api().get("/internal/apps/nope/api-keys").isProblem(400)).isTrue();
		assertThat(api().delete("/internal/apps/" + app.appId() + "/api-keys/nope").isProblem(400)).isTrue();

		assertThat(appOfKey(other.apiKey())).isEqualTo(other.appId());
		assertThat(keyCount(app.appId())).isEqualTo(1);
	}

	@Test
	void refusesToIssueAKeyForADisabledApp() {
		CreatedApp app = api().createApp("disabled");
		api().patch("/internal/apps/" + app.appId(), "{\"enabled\": false}");
		assertThat(appOfKey(app.apiKey())).isNull();

		Response response = api().post("/internal/apps/" + app.appId() + "/api-key", null);

		assertThat(response.isProblem(409)).isTrue();
		assertThat(keyCount(app.appId())).isEqualTo(1);
		api().patch("/internal/apps/" + app.appId(), "{\"enabled\": true}");
		assertThat(appOfKey(app.apiKey())).isEqualTo(app.appId());
	}

	@Test
	void listsKeyMetadataWithLastUseButNeverAKeyOrItsHash() {
		CreatedApp app = api().createApp("metadata");
		UUID firstId = keyIds(app.appId()).get(0);
		Instant lastUsed = Instant.parse("2026-01-02T03:04:05Z");
		this.jdbc.sql("insert into api_key_usage (key_id, last_used_at) values (:id, :at)")
			.param("id", firstId)
			.param("at", java.sql.Timestamp.from(lastUsed))
			.update();
		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key", null);
		Response third = api().post("/internal/apps/" + app.appId() + "/api-key", null);
		api().delete("/internal/apps/" + app.appId() + "/api-keys/" + third.field("key_id"));

		Response list = api().get("/internal/apps/" + app.appId() + "/api-keys");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("items").size()).isEqualTo(3);
		var newest = list.json().path("items").path(0);
		assertThat(newest.path("key_id").asString()).isEqualTo(third.field("key_id"));
		assertThat(newest.path("status").asString()).isEqualTo("revoked");
		assertThat(list.json().path("items").path(1).path("status").asString()).isEqualTo("retiring");
		var oldest = list.json().path("items").path(2);
		assertThat(oldest.path("key_id").asString()).isEqualTo(firstId.toString());
		assertThat(oldest.path("prefix").asString()).isEqualTo(app.apiKey().substring(0, 12));
		assertThat(oldest.path("status").asString()).isEqualTo("retiring");
		assertThat(Instant.parse(oldest.path("last_used_at").asString())).isEqualTo(lastUsed);
		assertThat(oldest.path("rotated_at").isNull()).isFalse();
		assertThat(oldest.path("expires_at").isNull()).isFalse();
		assertThat(oldest.path("created_at").isNull()).isFalse();
		assertThat(list.text()).doesNotContain(app.apiKey())
			.doesNotContain(rotated.field("api_key"))
			.doesNotContain(third.field("api_key"))
			.doesNotContain(HexFormat.of().formatHex(ApiKeys.hash(app.apiKey())))
			.doesNotContain(java.util.Base64.getEncoder().encodeToString(ApiKeys.hash(app.apiKey())))
			.doesNotContain("hash");
		assertThat(api().get("/internal/apps/" + app.appId() + "/api-key").json()).isEqualTo(list.json());
	}

	@Test
	void revokingTwiceChangesNothingTheSecondTime() {
		CreatedApp app = api().createApp("revoke twice");
		UUID keyId = keyIds(app.appId()).get(0);

		Response first = api().delete("/internal/apps/" + app.appId() + "/api-keys/" + keyId);
		Response second = api().delete("/internal/apps/" + app.appId() + "/api-keys/" + keyId);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.field("revoked_at")).isEqualTo(first.field("revoked_at"));
		assertThat(auditActions(app.appId())).containsExactly("app_created", "issued", "revoked");
	}

	@Test
	void auditsEveryIssueRotationAndRevocationWithTimeActorAndSourceAddress() {
		CreatedApp app = api().withHeader("X-Actor", "alice@example.com").createApp("audited");
		UUID firstId = keyIds(app.appId()).get(0);
		Response rotated = api().withHeader("X-Actor", "bob").post("/internal/apps/" + app.appId() + "/api-key", """
				{"grace_period_seconds": 60}
				""");
		api().delete("/internal/apps/" + app.appId() + "/api-keys/" + rotated.field("key_id"));

		var rows = this.jdbc.sql("""
				select key_id, action, actor, source_address, occurred_at, details::text as details
				from api_key_audit where app_id = :app and key_id is not null order by id
				""")
			.param("app", app.appId())
			.query((rs, n) -> List.of(String.valueOf(rs.getObject("key_id")), rs.getString("action"),
					rs.getString("actor"), String.valueOf(rs.getString("source_address")),
					String.valueOf(rs.getObject("occurred_at")), rs.getString("details")))
			.list();

		assertThat(rows).hasSize(4);
		assertThat(rows).extracting((row) -> row.get(0) + " " + row.get(1) + " " + row.get(2))
			.containsExactly(firstId + " issued alice@example.com", rotated.field("key_id") + " issued bob",
					firstId + " rotated bob", rotated.field("key_id") + " revoked internal-api");
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get(3)).isEqualTo("127.0.0.1");
			assertThat(row.get(4)).isNotEqualTo("null");
		});
		assertThat(rows.get(2).get(5)).contains("\"grace_period_seconds\": 60")
			.contains("\"replaced_by\": \"" + rotated.field("key_id") + "\"");
	}

	/**
	 * The app of a key as the query service finds it, or null when the key is refused.
	 */
	private UUID appOfKey(String key) {
		return this.jdbc.sql("""
				select k.app_id from api_keys k join apps a on a.id = k.app_id
				where k.key_hash = :hash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
				  and a.enabled
				""").param("hash", ApiKeys.hash(key)).query(UUID.class).optional().orElse(null);
	}

	private List<UUID> keyIds(UUID appId) {
		return this.jdbc.sql("select id from api_keys where app_id = :app order by created_at")
			.param("app", appId)
			.query(UUID.class)
			.list();
	}

	private List<Instant> keyExpiries(UUID appId) {
		return this.jdbc.sql("select expires_at from api_keys where app_id = :app and expires_at is not null")
			.param("app", appId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	private int keyCount(UUID appId) {
		return this.jdbc.sql("select count(*) from api_keys where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single();
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
