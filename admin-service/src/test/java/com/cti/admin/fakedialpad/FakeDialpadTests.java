package com.cti.admin.fakedialpad;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake Dialpad itself, over real HTTP: it must behave as the API description says, or
 * the tests that rely on it prove nothing.
 */
class FakeDialpadTests {

	private static final JsonMapper json = JsonMapper.shared();

	private final FakeDialpad fake = FakeDialpad.instance();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void reset() {
		this.fake.reset();
	}

	@Test
	void refusesRequestsWithoutTheKeyOrWithAnotherOne() {
		assertThat(send("GET", "/api/v2/webhooks", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> wrong = send("GET", "/api/v2/webhooks", "Bearer not-the-key", null);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(json.readTree(wrong.body()).path("error").path("code").asInt()).isEqualTo(401);
		assertThat(send("GET", "/api/v2/webhooks?apikey=" + FakeDialpad.API_KEY, null, null).statusCode())
			.isEqualTo(401);
	}

	@Test
	void keepsWebhooksAndPagesThemWithAnOpaqueCursor() {
		for (int i = 1; i <= 3; i++) {
			JsonNode created = body(api("POST", "/api/v2/webhooks",
					"{\"hook_url\":\"https://cti.example/webhooks/dialpad/" + i + "\",\"secret\":\"s" + i + "\"}"));
			assertThat(created.get("id").isNumber()).isTrue();
			assertThat(created.get("id").longValue()).isGreaterThan(1L << 53);
			assertThat(created.path("signature").path("algo").asString()).isEqualTo("HS256");
			assertThat(created.path("signature").path("type").asString()).isEqualTo("jwt");
		}
		JsonNode first = body(api("GET", "/api/v2/webhooks", null));
		assertThat(first.get("items")).hasSize(2);
		assertThat(first.get("items").get(0).get("id").isString()).isTrue();
		JsonNode second = body(api("GET", "/api/v2/webhooks?cursor="
				+ java.net.URLEncoder.encode(first.get("cursor").asString(), java.nio.charset.StandardCharsets.UTF_8),
				null));
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.has("cursor")).isFalse();
		assertThat(api("GET", "/api/v2/webhooks?cursor=" + first.get("cursor").asString(), null).statusCode())
			.as("a cursor sent without URL encoding")
			.isEqualTo(400);
		assertThat(api("GET", "/api/v2/webhooks?cursor=garbage", null).statusCode()).isEqualTo(400);
	}

	@Test
	void updatesAndDeletesAWebhook() {
		long id = body(api("POST", "/api/v2/webhooks", "{\"hook_url\":\"https://cti.example/h\"}")).get("id")
			.longValue();
		assertThat(body(api("GET", "/api/v2/webhooks/" + id, null)).has("signature")).isFalse();
		JsonNode patched = body(api("PATCH", "/api/v2/webhooks/" + id, "{\"secret\":\"new-secret\"}"));
		assertThat(patched.path("signature").path("secret").asString()).isEqualTo("new-secret");
		assertThat(api("PATCH", "/api/v2/webhooks/" + id, "{\"hookUrl\":\"x\"}").statusCode()).isEqualTo(400);
		assertThat(api("DELETE", "/api/v2/webhooks/" + id, null).statusCode()).isEqualTo(200);
		assertThat(api("GET", "/api/v2/webhooks/" + id, null).statusCode()).isEqualTo(404);
		assertThat(api("POST", "/api/v2/webhooks", "{\"secret\":\"no-url\"}").statusCode()).isEqualTo(400);
	}

	@Test
	void validatesSubscriptionsAsTheSpecDescribesThem() {
		long webhook = this.fake.addWebhook("https://cti.example/h", "s").id();
		assertThat(api("POST", "/api/v2/subscriptions/call", "{\"call_states\":[\"ringing\"]}").statusCode())
			.isEqualTo(400);
		assertThat(api("POST", "/api/v2/subscriptions/call",
				"{\"endpoint_id\":" + webhook + ",\"call_states\":[\"ringing\",\"exploded\"]}")
			.statusCode()).isEqualTo(400);
		assertThat(api("POST", "/api/v2/subscriptions/call", "{\"endpoint_id\":12345,\"call_states\":[\"ringing\"]}")
			.statusCode()).isEqualTo(400);
		assertThat(api("POST", "/api/v2/subscriptions/sms", "{\"endpoint_id\":" + webhook + "}").statusCode())
			.isEqualTo(400);
		JsonNode call = body(api("POST", "/api/v2/subscriptions/call", "{\"endpoint_id\":\"" + webhook
				+ "\",\"call_states\":[\"ringing\",\"hangup\"],\"target_type\":\"user\",\"target_id\":42}"));
		assertThat(call.path("webhook").path("id").longValue()).isEqualTo(webhook);
		assertThat(call.path("enabled").asBoolean()).isTrue();
		assertThat(call.path("group_calls_only").asBoolean()).isFalse();
		JsonNode sms = body(api("POST", "/api/v2/subscriptions/sms",
				"{\"webhook_id\":" + webhook + ",\"direction\":\"all\",\"status\":true}"));
		assertThat(sms.path("direction").asString()).isEqualTo("all");
		long smsId = sms.get("id").longValue();
		assertThat(body(api("PATCH", "/api/v2/subscriptions/sms/" + smsId, "{\"enabled\":false}")).path("enabled")
			.asBoolean()).isFalse();
		assertThat(api("GET", "/api/v2/subscriptions/call/" + smsId, null).statusCode()).isEqualTo(404);
		assertThat(api("DELETE", "/api/v2/subscriptions/sms/" + smsId, null).statusCode()).isEqualTo(200);
		assertThat(this.fake.subscriptions("sms")).isEmpty();
		assertThat(this.fake.subscriptions("call")).hasSize(1);
	}

	@Test
	void runsTheAuthorizationCodeFlowWithPkceAndRotatingRefreshTokens() {
		String verifier = "verifier-0123456789-0123456789-0123456789-0123456789";
		HttpResponse<String> authorize = send("GET",
				"/oauth2/authorize?client_id=" + FakeDialpad.CLIENT_ID
						+ "&redirect_uri=https%3A%2F%2Fcti.example%2Fcb&response_type=code"
						+ "&scope=offline_access%20calls%3Alist&state=st4te&code_challenge=" + FakeOAuth.s256(verifier)
						+ "&code_challenge_method=S256",
				null, null);
		assertThat(authorize.statusCode()).isEqualTo(302);
		String location = authorize.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("https://cti.example/cb?code=").endsWith("&state=st4te");
		Map<String, String> callback = FakeRequest.decodeForm(URI.create(location).getRawQuery());
		String code = callback.get("code");

		String form = "grant_type=authorization_code&client_id=" + FakeDialpad.CLIENT_ID + "&client_secret="
				+ FakeDialpad.CLIENT_SECRET + "&redirect_uri=https%3A%2F%2Fcti.example%2Fcb&code=" + code;
		assertThat(form(form + "&code_verifier=wrong").statusCode()).isEqualTo(400);
		HttpResponse<String> anotherAuthorize = send("GET",
				URI.create(authorize.uri().toString()).getRawPath() + "?" + authorize.uri().getRawQuery(), null, null);
		code = FakeRequest
			.decodeForm(URI.create(anotherAuthorize.headers().firstValue("Location").orElseThrow()).getRawQuery())
			.get("code");
		form = form.replaceAll("code=[^&]*$", "code=" + code);
		JsonNode tokens = body(form(form + "&code_verifier=" + verifier));
		assertThat(tokens.path("token_type").asString()).isEqualToIgnoringCase("bearer");
		assertThat(tokens.path("expires_in").asLong()).isPositive();
		String access = tokens.path("access_token").asString();
		String refresh = tokens.path("refresh_token").asString();
		assertThat(send("GET", "/api/v2/webhooks", "Bearer " + access, null).statusCode()).isEqualTo(200);
		assertThat(form(form + "&code_verifier=" + verifier).statusCode()).isEqualTo(400);

		String refreshForm = "grant_type=refresh_token&client_id=" + FakeDialpad.CLIENT_ID + "&client_secret="
				+ FakeDialpad.CLIENT_SECRET + "&refresh_token=";
		JsonNode refreshed = body(form(refreshForm + refresh));
		assertThat(refreshed.path("refresh_token").asString()).isNotEqualTo(refresh);
		assertThat(form(refreshForm + refresh).statusCode()).isEqualTo(400);

		String newAccess = refreshed.path("access_token").asString();
		assertThat(send("POST", "/oauth2/deauthorize", "Bearer " + newAccess, "").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/v2/webhooks", "Bearer " + newAccess, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v2/webhooks", "Bearer " + access, null).statusCode()).isEqualTo(401);
	}

	@Test
	void listsConcludedCallsNewestFirstWithinTheRange() {
		addCall(1, 1_000, true);
		addCall(2, 2_000, true);
		addCall(3, 3_000, false);
		addCall(4, 4_000, true);
		addCall(5, 5_000, true);
		JsonNode page = body(api("GET", "/api/v2/call?started_after=1000&started_before=5000", null));
		assertThat(page.get("items")).extracting((call) -> call.get("call_id").asLong()).containsExactly(4L, 2L);
		assertThat(page.has("cursor")).isFalse();
		assertThat(api("GET", "/api/v2/call?started_after=yesterday", null).statusCode()).isEqualTo(400);
	}

	@Test
	void failsOnDemandThenAnswersNormally() {
		this.fake.rateLimitNext("GET", "/api/v2/webhooks", "3", 1);
		this.fake.rateLimitNext("GET", "/api/v2/webhooks", null, 1);
		this.fake.failNext("GET", "/api/v2/webhooks", 503, 1);
		HttpResponse<String> limited = api("GET", "/api/v2/webhooks", null);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
		HttpResponse<String> limitedWithoutHint = api("GET", "/api/v2/webhooks", null);
		assertThat(limitedWithoutHint.statusCode()).isEqualTo(429);
		assertThat(limitedWithoutHint.headers().firstValue("Retry-After")).isEmpty();
		assertThat(api("GET", "/api/v2/webhooks", null).statusCode()).isEqualTo(503);
		assertThat(api("GET", "/api/v2/webhooks", null).statusCode()).isEqualTo(200);
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(4);
	}

	private void addCall(long id, long started, boolean ended) {
		ObjectNode call = json.createObjectNode();
		call.put("call_id", id);
		call.put("state", "hangup");
		call.put("date_started", started);
		if (ended) {
			call.put("date_ended", started + 500);
		}
		this.fake.addCall(call);
	}

	private HttpResponse<String> api(String method, String path, @Nullable String body) {
		return send(method, path, "Bearer " + FakeDialpad.API_KEY, body);
	}

	private HttpResponse<String> form(String body) {
		var request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return send(request.build());
	}

	private HttpResponse<String> send(String method, String path, @Nullable String authorization,
			@Nullable String body) {
		var request = HttpRequest.newBuilder(URI.create(this.fake.baseUrl() + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode body(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return json.readTree(response.body());
	}

}
