package com.cti.admin.dialpad;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cti.admin.fakedialpad.FakeDialpad;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Dialpad client over real HTTP against the fake Dialpad: paging, Bearer auth,
 * retries with back-off and {@code Retry-After}, and the problems it fails with.
 */
class DialpadClientTests {

	private static final DialpadCredentials KEY = new DialpadCredentials(FakeDialpad.API_KEY,
			DialpadCredentials.Source.API_KEY);

	private final FakeDialpad fake = FakeDialpad.instance();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DialpadClient client = client(Duration.ofSeconds(2));

	@BeforeEach
	void reset() {
		this.fake.reset();
	}

	@Test
	void readsEveryPageOfAListWhateverCharactersTheCursorHas() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created
				.add(this.client.createWebhook(KEY, "https://cti.example/webhooks/dialpad/" + i, "secret-" + i).id());
		}

		List<DialpadWebhook> listed = this.client.listWebhooks(KEY);

		assertThat(listed).extracting(DialpadWebhook::id).containsExactlyElementsOf(created);
		assertThat(listed).allMatch(DialpadWebhook::signed);
		assertThat(created).allMatch((id) -> id > (1L << 53));
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(3);
	}

	@Test
	void sendsTheKeyAsABearerTokenNeverInTheQuery() {
		this.client.listWebhooks(KEY);

		LoggedRequest request = this.fake.requests("GET", "/api/v2/webhooks").get(0);
		assertThat(request.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + FakeDialpad.API_KEY);
		assertThat(request.getUrl()).doesNotContain("apikey").doesNotContain(FakeDialpad.API_KEY);
	}

	@Test
	void waitsAsLongAsRetryAfterSaysThenRetries() {
		this.fake.rateLimitNext("GET", "/api/v2/webhooks", "1", 1);

		assertThat(this.client.listWebhooks(KEY)).isEmpty();

		List<LoggedRequest> requests = this.fake.requests("GET", "/api/v2/webhooks");
		assertThat(requests).hasSize(2);
		long waited = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
		assertThat(waited).isGreaterThanOrEqualTo(900);
	}

	@Test
	void backsOffWhenA429HasNoRetryAfter() {
		this.fake.rateLimitNext("POST", "/api/v2/webhooks", null, 2);

		DialpadWebhook webhook = this.client.createWebhook(KEY, "https://cti.example/h", "s");

		assertThat(this.fake.requests("POST", "/api/v2/webhooks")).hasSize(3);
		assertThat(this.fake.webhooks()).extracting(FakeDialpad.Webhook::id).containsExactly(webhook.id());
	}

	@Test
	void answers503WithRetryAfterWhenTheRateLimitOutlastsTheRetries() {
		this.fake.rateLimitNext("GET", "/api/v2/webhooks", "0", 4);

		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> this.client.listWebhooks(KEY))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
				assertThat(ex.getBody().getType()).isEqualTo(URI.create("urn:cti:admin:dialpad-rate-limited"));
				assertThat(ex.getBody().getDetail()).contains("after 4 attempts");
			});
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(4);
		assertThat(this.meters.get("cti.admin.dialpad.errors").tags("method", "GET", "status", "429").counter().count())
			.as("one failed call, whatever its attempts")
			.isEqualTo(1);
	}

	@Test
	void doesNotWaitForALongRetryAfterButPassesItOn() {
		this.fake.rateLimitNext("GET", "/api/v2/webhooks", "120", 1);

		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> this.client.listWebhooks(KEY))
			.satisfies((ex) -> assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("120"));
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(1);
	}

	@Test
	void retriesServerErrorsOfReadsButNotAPostThatMayHaveWorked() {
		this.fake.failNext("GET", "/api/v2/webhooks", 500, 1);
		this.client.listWebhooks(KEY);
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(2);

		this.fake.failNext("POST", "/api/v2/webhooks", 500, 1);
		assertThatExceptionOfType(DialpadException.class)
			.isThrownBy(() -> this.client.createWebhook(KEY, "https://cti.example/h", "s"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(502);
				assertThat(ex.getBody().getType()).isEqualTo(URI.create("urn:cti:admin:dialpad-unavailable"));
				assertThat(ex.getBody().getProperties()).containsEntry("dialpad_status", 500);
			});
		assertThat(this.fake.requests("POST", "/api/v2/webhooks")).hasSize(1);

		this.fake.failNext("POST", "/api/v2/webhooks", 503, 1);
		this.client.createWebhook(KEY, "https://cti.example/h", "s");
		assertThat(this.fake.requests("POST", "/api/v2/webhooks")).hasSize(3);
		assertThat(this.fake.webhooks()).hasSize(1);
	}

	@Test
	void answers502WhenDialpadKeepsFailing() {
		this.fake.failNext("GET", "/api/v2/webhooks/", 502, 4);

		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> this.client.findWebhook(KEY, 42))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(502);
				assertThat(ex.getBody().getDetail()).contains("502").contains("GET /api/v2/webhooks/42");
			});
		assertThat(this.fake.requests("GET", "/api/v2/webhooks/42")).hasSize(4);
	}

	@Test
	void saysWhichCredentialDialpadRefusedWithoutRetrying() {
		var wrong = new DialpadCredentials("not-the-key", DialpadCredentials.Source.API_KEY);

		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> this.client.listWebhooks(wrong))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(502);
				assertThat(ex.dialpadStatus()).isEqualTo(401);
				assertThat(ex.getBody().getType()).isEqualTo(URI.create("urn:cti:admin:dialpad-credentials-rejected"));
				assertThat(ex.getBody().getDetail()).contains("DIALPAD_API_KEY").contains("scope");
				assertThat(ex.getBody().getDetail()).doesNotContain("not-the-key");
			});
		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(1);
	}

	@Test
	void treatsAMissingResourceAsAbsent() {
		assertThat(this.client.findWebhook(KEY, 123)).isEmpty();
		assertThat(this.client.deleteWebhook(KEY, 123)).isFalse();
		assertThat(this.client.findSubscription(KEY, "call", 123)).isEmpty();
	}

	@Test
	void retriesADroppedConnectionOfARead() {
		this.fake.dropNext("GET", "/api/v2/webhooks", 1);

		this.client.listWebhooks(KEY);

		assertThat(this.fake.requests("GET", "/api/v2/webhooks")).hasSize(2);
	}

	@Test
	void givesUpOnASlowAnswerAfterTheReadTimeout() {
		DialpadClient impatient = client(Duration.ofMillis(300));
		this.fake.delayNext("GET", "/api/v2/webhooks", Duration.ofMillis(1500), 4);

		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> impatient.listWebhooks(KEY))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(504);
				assertThat(ex.getBody().getType()).isEqualTo(URI.create("urn:cti:admin:dialpad-timeout"));
			});
	}

	@Test
	void managesSubscriptionsOfAWebhook() {
		long webhook = this.client.createWebhook(KEY, "https://cti.example/h", "s").id();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("endpoint_id", webhook);
		body.put("call_states", List.of("ringing", "hangup"));
		body.put("enabled", true);
		DialpadSubscription call = this.client.createSubscription(KEY, "call", body);
		for (int i = 0; i < 2; i++) {
			this.client.createSubscription(KEY, "sms", Map.of("endpoint_id", webhook, "direction", "inbound"));
		}

		assertThat(call.callStates()).containsExactly("ringing", "hangup");
		assertThat(call.webhookId()).isEqualTo(webhook);
		assertThat(this.client.listSubscriptions(KEY, "sms")).hasSize(2).allMatch((s) -> s.webhookId() == webhook);
		DialpadSubscription updated = this.client.updateSubscription(KEY, "call", call.id(),
				Map.of("enabled", false, "endpoint_id", webhook));
		assertThat(updated.enabled()).isFalse();
		assertThat(this.client.deleteSubscription(KEY, "call", call.id())).isTrue();
		assertThat(this.client.listSubscriptions(KEY, "call")).isEmpty();
	}

	@Test
	void pagesThroughConcludedCallsInTheRange() {
		JsonMapper json = JsonMapper.shared();
		for (long i = 1; i <= 5; i++) {
			ObjectNode call = json.createObjectNode();
			call.put("call_id", Long.toString(7_000_000_000_000_000L + i));
			call.put("date_started", i * 1000);
			call.put("date_ended", i * 1000 + 10);
			this.fake.addCall(call);
		}
		List<List<JsonNode>> pages = new ArrayList<>();

		this.client.forEachCallPage(KEY, 1000, 5001, pages::add);

		assertThat(pages).hasSize(2);
		assertThat(pages.stream().flatMap(List::stream).map((call) -> call.get("call_id").asString()))
			.containsExactly("7000000000000005", "7000000000000004", "7000000000000003", "7000000000000002");
	}

	@Test
	void redeemsACodeWithItsVerifierAndRefreshesWithTheRotatingToken() {
		String verifier = "a-verifier-long-enough-for-pkce-0123456789abcdef";
		URI authorize = this.client.authorizeUri(
				Map.of("client_id", FakeDialpad.CLIENT_ID, "redirect_uri", "https://cti.example/oauth/dialpad/callback",
						"response_type", "code", "scope", "offline_access calls:list", "state", "s+t/a=te",
						"code_challenge", s256(verifier), "code_challenge_method", "S256"));
		assertThat(authorize.toString()).startsWith(this.fake.baseUrl() + "/oauth2/authorize?")
			.contains("scope=offline_access%20calls%3Alist")
			.contains("state=s%2Bt%2Fa%3Dte");
		String location = RestClient.create()
			.get()
			.uri(authorize)
			.exchange((request, response) -> response.getHeaders().getFirst(HttpHeaders.LOCATION));
		String code = location.replaceAll(".*[?&]code=([^&]*).*", "$1");

		DialpadTokens tokens = this.client.redeemCode(code, verifier, "https://cti.example/oauth/dialpad/callback");
		DialpadTokens refreshed = this.client.refresh(tokens.refreshToken());

		assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
		assertThat(this.fake.isRefreshTokenValid(tokens.refreshToken())).isFalse();
		assertThat(this.fake.isRefreshTokenValid(refreshed.refreshToken())).isTrue();
		assertThatExceptionOfType(DialpadException.class).isThrownBy(() -> this.client.refresh(tokens.refreshToken()))
			.satisfies((ex) -> assertThat(ex.dialpadError()).isEqualTo("invalid_grant"));
		var oauth = new DialpadCredentials(refreshed.accessToken(), DialpadCredentials.Source.OAUTH);
		assertThat(this.client.listWebhooks(oauth)).isEmpty();
		this.client.deauthorize(oauth);
		assertThat(this.fake.isAccessTokenActive(refreshed.accessToken())).isFalse();
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private DialpadClient client(Duration readTimeout) {
		var properties = new DialpadProperties(URI.create(this.fake.baseUrl()), FakeDialpad.API_KEY, null,
				Duration.ofSeconds(2), readTimeout, Duration.ofHours(1),
				new DialpadProperties.Retry(3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)),
				new DialpadProperties.OAuth(FakeDialpad.CLIENT_ID, FakeDialpad.CLIENT_SECRET, null, "offline_access",
						Duration.ofMinutes(10), Duration.ofMinutes(5)));
		return new DialpadClient(RestClient.builder(), properties, this.meters);
	}

}
