package com.cti.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CallsIntegrationTests extends ApiIntegrationTest {

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void listsTheAppsCallsNewestFirst() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().insertCall(new CallRow(app, 6400000000000101L, this.now.minusSeconds(300)));
		data().insertCall(new CallRow(app, 6400000000000102L, this.now.minusSeconds(100)));
		data().insertCall(new CallRow(app, 6400000000000103L, this.now.minusSeconds(200)));

		ApiClient.Response response = api().get("/api/calls", key);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(callIds(response.json())).containsExactly(6400000000000102L, 6400000000000103L, 6400000000000101L);
		JsonNode first = response.json().get("items").get(0);
		assertThat(first.get("started_at").asString()).isEqualTo(this.now.minusSeconds(100).toString());
		assertThat(first.get("started_at_ms").asLong()).isEqualTo(this.now.minusSeconds(100).toEpochMilli());
		assertThat(first.get("direction").asString()).isEqualTo("inbound");
		assertThat(response.json().get("next_cursor").isNull()).isTrue();
	}

	@Test
	void anotherAppsKeyDoesNotSeeTheCalls() {
		UUID app = data().newApp();
		data().issueKey(app);
		data().insertCall(new CallRow(app, 6400000000000201L, this.now.minusSeconds(10)));
		UUID otherApp = data().newApp();
		String otherKey = data().issueKey(otherApp);
		data().insertCall(new CallRow(otherApp, 6400000000000202L, this.now.minusSeconds(20)));

		ApiClient.Response response = api().get("/api/calls", otherKey);

		assertThat(response.status()).isEqualTo(200);
		assertThat(callIds(response.json())).containsExactly(6400000000000202L);
	}

	@Test
	void refusesARequestWithoutAKey() {
		assertUnauthorized(api().get("/api/calls", null), "x-app-api-key header is required");
	}

	@Test
	void refusesAnUnknownKey() {
		assertUnauthorized(api().get("/api/calls", "cti_not-a-key-anyone-issued"), "not valid");
	}

	@Test
	void refusesARevokedKey() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().revoke(key);

		assertUnauthorized(api().get("/api/calls", key), "not valid");
	}

	@Test
	void refusesAKeyPastTheEndOfItsGracePeriod() {
		UUID app = data().newApp();
		String key = data().issueKey(app, this.now.minusSeconds(1));

		assertUnauthorized(api().get("/api/calls", key), "not valid");
	}

	@Test
	void refusesAKeyOfADisabledApp() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		data().disableApp(app);

		assertUnauthorized(api().get("/api/calls", key), "not valid");
	}

	private static void assertUnauthorized(ApiClient.Response response, String detail) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
		assertThat(problem.get("detail").asString()).contains(detail);
	}

	static List<Long> callIds(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("call_id").asLong()));
		return ids;
	}

}
