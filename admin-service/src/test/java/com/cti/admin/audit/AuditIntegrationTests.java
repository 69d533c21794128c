package com.cti.admin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.CreatedApp;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AuditIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void showsAnAppsKeyOperationsNewestFirstOneKeysetPageAtATime() {
		CreatedApp app = api().withHeader("X-Actor", "carol").createApp("audit pages");
		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key?grace=0", null);
		api().delete("/internal/apps/" + app.appId() + "/api-keys/" + rotated.field("key_id"));

		List<JsonNode> entries = new ArrayList<>();
		String cursor = null;
		do {
			Response page = api().get("/internal/audit?app_id=" + app.appId() + "&limit=2"
					+ ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach(entries::add);
			cursor = page.field("next_cursor");
		}
		while (cursor != null);

		assertThat(entries).extracting((entry) -> entry.path("action").asString())
			.containsExactly("revoked", "rotated", "issued", "issued", "app_created");
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.path("app_id").asString()).isEqualTo(app.appId().toString());
			assertThat(entry.path("occurred_at").asString()).isNotBlank();
			assertThat(entry.path("source_address").asString()).isEqualTo("127.0.0.1");
			assertThat(entry.path("details").isObject()).isTrue();
		});
		assertThat(entries.get(4).path("actor").asString()).isEqualTo("carol");
		assertThat(entries.get(0).path("actor").asString()).isEqualTo("internal-api");
		assertThat(entries.get(0).path("key_id").asString()).isEqualTo(rotated.field("key_id"));
		assertThat(entries.get(1).path("details").path("revoked_immediately").asBoolean()).isTrue();
	}

	@Test
	void filtersByKeyAndAction() {
		CreatedApp app = api().createApp("audit filters");
		Response rotated = api().post("/internal/apps/" + app.appId() + "/api-key", null);

		Response byKey = api().get("/internal/audit?key_id=" + rotated.field("key_id"));
		Response byAction = api().get("/internal/audit?app_id=" + app.appId() + "&action=rotated");

		assertThat(byKey.json().path("items").size()).isEqualTo(1);
		assertThat(byKey.json().path("items").path(0).path("action").asString()).isEqualTo("issued");
		assertThat(byAction.json().path("items").size()).isEqualTo(1);
		assertThat(byAction.json().path("items").path(0).path("details").path("replaced_by").asString())
			.isEqualTo(rotated.field("key_id"));
		assertThat(api().get("/internal/audit?app_id=" + UUID.randomUUID()).json().path("items").size()).isZero();
	}

	@Test
	void neverShowsAKey() {
		CreatedApp app = api().createApp("audit secrets");

		Response response = api().get("/internal/audit?app_id=" + app.appId());

		assertThat(response.text()).doesNotContain(app.apiKey());
	}

	@Test
	void rejectsBadParameters() {
		for (String query : new String[] { "app_id=nope", "key_id=nope", "limit=0", "limit=501", "limit=x",
				"cursor=abc" }) {
			assertThat(api().get("/internal/audit?" + query).isProblem(400)).as(query).isTrue();
		}
	}

	@Test
	void requiresTheBearer() {
		Response response = api().send("GET", "/internal/audit", null, null, "Bearer nope");

		assertThat(response.isProblem(401)).isTrue();
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

}
