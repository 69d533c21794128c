package com.cti.admin.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.fakedialpad.FakeDialpad;
import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.support.AdminApi.Response;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Connecting an app to Dialpad with OAuth against the fake Dialpad: authorize with PKCE
 * and state, the browser's callback, refresh with rotating refresh tokens, deauthorize.
 */
class OAuthIntegrationTests extends ProvisioningIntegrationTest {

	private static final HttpClient browser = HttpClient.newHttpClient();

	@Autowired
	SecretCipher cipher;

	@Autowired
	OAuthRefreshScheduler scheduler;

	@Test
	void connectsAnAppWithPkceAndStateAndThenUsesItsOwnToken() {
		UUID appId = newApp();

		Response authorize = api().get("/internal/apps/" + appId + "/oauth/authorize");

		assertThat(authorize.status()).as(authorize.text()).isEqualTo(302);
		URI authorizeUrl = URI.create(authorize.field("authorize_url"));
		Map<String, String> query = UriComponentsBuilder.fromUri(authorizeUrl)
			.build()
			.getQueryParams()
			.toSingleValueMap();
		assertThat(authorizeUrl.toString()).startsWith(this.dialpad.baseUrl() + "/oauth2/authorize?");
		assertThat(decode(query.get("client_id"))).isEqualTo(FakeDialpad.CLIENT_ID);
		assertThat(decode(query.get("redirect_uri"))).isEqualTo(REDIRECT_URI);
		assertThat(query.get("response_type")).isEqualTo("code");
		assertThat(decode(query.get("scope"))).contains("offline_access").contains("calls:list");
		assertThat(query.get("code_challenge_method")).isEqualTo("S256");
		assertThat(query.get("code_challenge")).hasSize(43);
		assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.jdbc.sql("select count(*) from dialpad_oauth_states where state_hash = :state")
			.param("state", query.get("state"))
			.query(Integer.class)
			.single()).as("the state is stored only as its hash").isZero();

		String callback = consent(authorizeUrl);
		Response connected = callback(callback);

		assertThat(connected.status()).as(connected.text()).isEqualTo(200);
		assertThat(connected.field("app_id")).isEqualTo(appId.toString());
		assertThat(connected.json().path("refreshable").asBoolean()).isTrue();
		assertThat(callback(callback).isProblem(400)).as("a state works once").isTrue();
		Response status = api().get("/internal/apps/" + appId + "/oauth");
		assertThat(status.json().path("connected").asBoolean()).isTrue();
		assertThat(status.field("credentials")).isEqualTo("oauth");

		String accessToken = storedAccessToken(appId);
		assertThat(this.dialpad.isAccessTokenActive(accessToken)).isTrue();
		assertThat(api().post("/internal/webhooks/create?app_id=" + appId, null).status()).isEqualTo(200);
		LoggedRequest created = this.dialpad.requests("POST", "/api/v2/webhooks").get(0);
		assertThat(created.getHeader("Authorization")).isEqualTo("Bearer " + accessToken);
	}

	@Test
	void refreshesATokenThatIsAboutToExpireAndKeepsTheNewRefreshToken() {
		UUID appId = newApp();
		this.dialpad.accessTokenLifetime(Duration.ofSeconds(60));
		connect(appId);
		String firstRefresh = storedRefreshToken(appId);
		assertThat(storedExpiry(appId)).isCloseTo(Instant.now().plusSeconds(60), within(Duration.ofSeconds(30)));

		assertThat(api().post("/internal/webhooks/create?app_id=" + appId, null).status()).isEqualTo(200);

		assertThat(this.dialpad.tokensIssued()).isEqualTo(2);
		String secondRefresh = storedRefreshToken(appId);
		assertThat(secondRefresh).isNotEqualTo(firstRefresh);
		assertThat(this.dialpad.isRefreshTokenValid(firstRefresh)).isFalse();
		assertThat(this.dialpad.isRefreshTokenValid(secondRefresh)).isTrue();
		String used = this.dialpad.requests("GET", "/api/v2/webhooks").get(0).getHeader("Authorization");
		assertThat(used).isEqualTo("Bearer " + storedAccessToken(appId));
		assertThat(api().get("/internal/apps/" + appId + "/oauth").field("refreshed_at")).isNotNull();
	}

	@Test
	void refreshesExpiringTokensInTheBackgroundToo() {
		UUID appId = newApp();
		this.dialpad.accessTokenLifetime(Duration.ofSeconds(60));
		connect(appId);
		String before = storedAccessToken(appId);

		this.scheduler.refreshExpiring();

		assertThat(storedAccessToken(appId)).isNotEqualTo(before);
		assertThat(this.dialpad.isRefreshTokenValid(storedRefreshToken(appId))).isTrue();
	}

	@Test
	void asksToConnectAgainWhenDialpadRefusesTheRefreshToken() {
		UUID appId = newApp();
		this.dialpad.accessTokenLifetime(Duration.ofSeconds(60));
		connect(appId);
		revokeAtDialpad(storedAccessToken(appId));

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.isProblem(409)).as(response.text()).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:dialpad-oauth-reauthorization-needed");
		assertThat(response.field("detail")).contains("/internal/apps/" + appId + "/oauth/authorize");
		assertThat(this.dialpad.webhooks()).isEmpty();
		assertThat(this.dialpad.requests("GET", "/api/v2/webhooks")).isEmpty();
	}

	@Test
	void deauthorizesAtDialpadAndFallsBackToTheApiKey() {
		UUID appId = newApp();
		connect(appId);
		String accessToken = storedAccessToken(appId);

		Response response = api().delete("/internal/apps/" + appId + "/oauth");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().path("revoked_at_dialpad").asBoolean()).isTrue();
		assertThat(this.dialpad.isAccessTokenActive(accessToken)).isFalse();
		assertThat(tokenRows(appId)).isZero();
		Response status = api().get("/internal/apps/" + appId + "/oauth");
		assertThat(status.json().path("connected").asBoolean()).isFalse();
		assertThat(status.field("credentials")).isEqualTo("api_key");
		assertThat(api().delete("/internal/apps/" + appId + "/oauth").isProblem(404)).isTrue();
		api().post("/internal/webhooks/create?app_id=" + appId, null);
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks").get(0).getHeader("Authorization"))
			.isEqualTo("Bearer " + FakeDialpad.API_KEY);
	}

	@Test
	void refusesCallbacksWithoutAValidStateOrCode() {
		UUID appId = newApp();
		assertThat(callback("/oauth/dialpad/callback?code=abc").isProblem(400)).isTrue();
		assertThat(callback("/oauth/dialpad/callback?code=abc&state=made-up").isProblem(400)).isTrue();

		String denied = startAndConsent(appId, true);
		Response deniedResponse = callback(denied);
		assertThat(deniedResponse.isProblem(400)).isTrue();
		assertThat(deniedResponse.field("type")).isEqualTo("urn:cti:admin:dialpad-oauth-denied");

		String wrongCode = startAndConsent(appId, false).replaceAll("code=[^&]*", "code=not-a-code");
		Response wrongCodeResponse = callback(wrongCode);
		assertThat(wrongCodeResponse.isProblem(400)).as(wrongCodeResponse.text()).isTrue();
		assertThat(wrongCodeResponse.field("detail")).contains("/oauth2/token");

		String late = startAndConsent(appId, false);
		this.jdbc.sql("update dialpad_oauth_states set expires_at = now() - interval '1 minute' where app_id = :app")
			.param("app", appId)
			.update();
		Response lateResponse = callback(late);
		assertThat(lateResponse.isProblem(400)).isTrue();
		assertThat(lateResponse.field("type")).isEqualTo("urn:cti:admin:expired-oauth-state");

		assertThat(tokenRows(appId)).isZero();
	}

	@Test
	void refusesToStartForAnUnknownOrDisabledAppOrABadScope() {
		assertThat(api().get("/internal/apps/" + UUID.randomUUID() + "/oauth/authorize").isProblem(404)).isTrue();
		assertThat(api().get("/internal/apps/" + newDisabledApp() + "/oauth/authorize").isProblem(409)).isTrue();
		assertThat(
				api().get("/internal/apps/" + newApp() + "/oauth/authorize?scope=calls%3Alist%26x%3D1").isProblem(400))
			.isTrue();
		assertThat(api().get("/internal/apps/" + UUID.randomUUID() + "/oauth").isProblem(404)).isTrue();
	}

	private void connect(UUID appId) {
		Response connected = callback(startAndConsent(appId, false));
		assertThat(connected.status()).as(connected.text()).isEqualTo(200);
	}

	/** Starts an authorization and lets the fake Dialpad consent (or refuse). */
	private String startAndConsent(UUID appId, boolean deny) {
		Response authorize = api().get("/internal/apps/" + appId + "/oauth/authorize");
		assertThat(authorize.status()).as(authorize.text()).isEqualTo(302);
		this.dialpad.denyConsent(deny);
		try {
			return consent(URI.create(authorize.field("authorize_url")));
		}
		finally {
			this.dialpad.denyConsent(false);
		}
	}

	/** The browser at Dialpad's authorization page: where Dialpad sends it back to. */
	private String consent(URI authorizeUrl) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(authorizeUrl).build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT_URI + "?");
		return location.substring(PUBLIC_BASE_URL.length());
	}

	/** The browser back at the callback: no Bearer token. */
	private Response callback(String pathAndQuery) {
		return api().send("GET", pathAndQuery, null, null, null);
	}

	private void revokeAtDialpad(String accessToken) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(this.dialpad.baseUrl() + "/oauth2/deauthorize"))
					.header("Authorization", "Bearer " + accessToken)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private String storedAccessToken(UUID appId) {
		byte[] sealed = this.jdbc.sql("select access_token_encrypted from dialpad_oauth_tokens where app_id = :app")
			.param("app", appId)
			.query(byte[].class)
			.single();
		return this.cipher.decrypt(sealed, "dialpad_oauth_tokens.access_token:" + appId);
	}

	private String storedRefreshToken(UUID appId) {
		byte[] sealed = this.jdbc.sql("select refresh_token_encrypted from dialpad_oauth_tokens where app_id = :app")
			.param("app", appId)
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("rt-");
		return this.cipher.decrypt(sealed, "dialpad_oauth_tokens.refresh_token:" + appId);
	}

	private Instant storedExpiry(UUID appId) {
		return this.jdbc.sql("select expires_at from dialpad_oauth_tokens where app_id = :app")
			.param("app", appId)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private int tokenRows(UUID appId) {
		return this.jdbc.sql("select count(*) from dialpad_oauth_tokens where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single();
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return browser.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
