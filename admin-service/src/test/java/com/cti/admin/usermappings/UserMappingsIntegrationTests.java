package com.cti.admin.usermappings;

import java.util.ArrayList;
import java.util.List;
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
class UserMappingsIntegrationTests {

	private static final long DIALPAD_USER = 5_835_806_903_689_216L;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsReadsChangesAndDeletesAMapping() {
		UUID appId = api().createApp("mappings").appId();
		String base = "/internal/apps/" + appId + "/user-mappings";

		Response created = api().post(base, """
				{"dialpad_user_id": %d, "client_user_id": " crm-42 "}
				""".formatted(DIALPAD_USER));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("dialpad_user_id").asLong()).isEqualTo(DIALPAD_USER);
		assertThat(created.field("client_user_id")).isEqualTo("crm-42");
		assertThat(created.field("app_id")).isEqualTo(appId.toString());

		Response read = api().get(base + "/" + DIALPAD_USER);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.field("client_user_id")).isEqualTo("crm-42");

		Response changed = api().put(base + "/" + DIALPAD_USER, """
				{"client_user_id": "crm-43"}
				""");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.field("client_user_id")).isEqualTo("crm-43");
		assertThat(stored(appId, DIALPAD_USER)).containsExactly("crm-43");

		assertThat(api().delete(base + "/" + DIALPAD_USER).status()).isEqualTo(204);
		assertThat(stored(appId, DIALPAD_USER)).isEmpty();
		assertThat(api().get(base + "/" + DIALPAD_USER).isProblem(404)).isTrue();
		assertThat(api().delete(base + "/" + DIALPAD_USER).isProblem(404)).isTrue();
	}

	@Test
	void putCreatesAMissingMapping() {
		UUID appId = api().createApp("put mapping").appId();

		Response response = api().put("/internal/apps/" + appId + "/user-mappings/77", """
				{"client_user_id": "u-77"}
				""");

		assertThat(response.status()).isEqualTo(200);
		assertThat(stored(appId, 77)).containsExactly("u-77");
	}

	@Test
	void acceptsTheDialpadUserIdAsAString() {
		UUID appId = api().createApp("string id").appId();

		Response response = api().post("/internal/apps/" + appId + "/user-mappings", """
				{"dialpad_user_id": "%d", "client_user_id": "u"}
				""".formatted(DIALPAD_USER));

		assertThat(response.status()).isEqualTo(201);
		assertThat(stored(appId, DIALPAD_USER)).containsExactly("u");
	}

	@Test
	void refusesToCreateAMappingTwice() {
		UUID appId = api().createApp("twice").appId();
		api().post("/internal/apps/" + appId + "/user-mappings", "{\"dialpad_user_id\": 5, \"client_user_id\": \"a\"}");

		Response again = api().post("/internal/apps/" + appId + "/user-mappings",
				"{\"dialpad_user_id\": 5, \"client_user_id\": \"b\"}");

		assertThat(again.isProblem(409)).isTrue();
		assertThat(stored(appId, 5)).containsExactly("a");
	}

	@Test
	void keepsAppsApart() {
		UUID one = api().createApp("one").appId();
		UUID two = api().createApp("two").appId();
		api().post("/internal/apps/" + one + "/user-mappings", "{\"dialpad_user_id\": 9, \"client_user_id\": \"a\"}");

		assertThat(api().get("/internal/apps/" + two + "/user-mappings/9").isProblem(404)).isTrue();
		assertThat(api().get("/internal/apps/" + two + "/user-mappings").json().path("items").size()).isZero();
		assertThat(api().delete("/internal/apps/" + two + "/user-mappings/9").isProblem(404)).isTrue();
		assertThat(stored(one, 9)).containsExactly("a");
	}

	@Test
	void listsMappingsByDialpadUserIdOneKeysetPageAtATime() {
		UUID appId = api().createApp("list mappings").appId();
		for (long user : new long[] { 30, 10, 20 }) {
			api().post("/internal/apps/" + appId + "/user-mappings",
					"{\"dialpad_user_id\": %d, \"client_user_id\": \"%s\"}".formatted(user, (user == 20) ? "x" : "u"));
		}

		List<Long> users = new ArrayList<>();
		String cursor = null;
		do {
			Response page = api().get("/internal/apps/" + appId + "/user-mappings?limit=2"
					+ ((cursor != null) ? "&cursor=" + cursor : ""));
			page.json().path("items").forEach((mapping) -> users.add(mapping.path("dialpad_user_id").asLong()));
			cursor = page.field("next_cursor");
		}
		while (cursor != null);
		Response byClient = api().get("/internal/apps/" + appId + "/user-mappings?client_user_id=x");

		assertThat(users).containsExactly(10L, 20L, 30L);
		assertThat(byClient.json().path("items").size()).isEqualTo(1);
		assertThat(byClient.json().path("items").path(0).path("dialpad_user_id").asLong()).isEqualTo(20);
	}

	@Test
	void rejectsBadInputWithA400ProblemAndChangesNothing() {
		UUID appId = api().createApp("bad mappings").appId();
		String base = "/internal/apps/" + appId + "/user-mappings";

		for (String body : new String[] { "{}", "{\"dialpad_user_id\": 1}", "{\"client_user_id\": \"a\"}",
				"{\"dialpad_user_id\": 0, \"client_user_id\": \"a\"}",
				"{\"dialpad_user_id\": -4, \"client_user_id\": \"a\"}",
				"{\"dialpad_user_id\": \"abc\", \"client_user_id\": \"a\"}",
				"{\"dialpad_user_id\": 1, \"client_user_id\": \" \"}",
				"{\"dialpad_user_id\": 1, \"client_user_id\": \"" + "a".repeat(201) + "\"}", "not json" }) {
			assertThat(api().post(base, body).isProblem(400)).as(body).isTrue();
		}
		for (String body : new String[] { "{}", "{\"client_user_id\": \"\"}", "{\"client_user_id\": null}", "[" }) {
			assertThat(api().put(base + "/1", body).isProblem(400)).as(body).isTrue();
		}
		assertThat(api().put(base + "/0", "{\"client_user_id\": \"a\"}").isProblem(400)).isTrue();
		assertThat(api().put(base + "/abc", "{\"client_user_id\": \"a\"}").isProblem(400)).isTrue();
		assertThat(api().get(base + "/abc").isProblem(400)).isTrue();
		assertThat(api().delete(base + "/abc").isProblem(400)).isTrue();
		for (String query : new String[] { "limit=0", "limit=1001", "cursor=abc" }) {
			assertThat(api().get(base + "?" + query).isProblem(400)).as(query).isTrue();
		}
		assertThat(this.jdbc.sql("select count(*) from user_mappings where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void answers404ForAnUnknownApp() {
		String base = "/internal/apps/" + UUID.randomUUID() + "/user-mappings";

		assertThat(api().get(base).isProblem(404)).isTrue();
		assertThat(api().post(base, "{\"dialpad_user_id\": 1, \"client_user_id\": \"a\"}").isProblem(404)).isTrue();
		assertThat(api().put(base + "/1", "{\"client_user_id\": \"a\"}").isProblem(404)).isTrue();
		assertThat(api().get(base + "/1").isProblem(404)).isTrue();
		assertThat(api().delete(base + "/1").isProblem(404)).isTrue();
		assertThat(api().get("/internal/apps/nope/user-mappings").isProblem(400)).isTrue();
	}

	private List<String> stored(UUID appId, long dialpadUserId) {
		return this.jdbc.sql("select client_user_id from user_mappings where app_id = :app and dialpad_user_id = :user")
			.param("app", appId)
			.param("user", dialpadUserId)
			.query(String.class)
			.list();
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

}
