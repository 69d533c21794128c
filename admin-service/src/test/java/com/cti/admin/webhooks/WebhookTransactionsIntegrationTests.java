package com.cti.admin.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.HeldConnections;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No database connection, transaction or lock is held while the admin service waits for
 * Dialpad: each use case that calls Dialpad is run against a fake Dialpad that answers
 * slowly, and while the answer is on its way the admin's pool and PostgreSQL itself are
 * asked what is held (nothing may be: a connection held across the call would show in
 * every look). A Dialpad that does not answer in time ends the call with its problem and
 * leaves the app free for the next call.
 */
class WebhookTransactionsIntegrationTests extends ProvisioningIntegrationTest {

	// shorter than the test context's read timeout (10s), long enough to look a few times
	private static final Duration SLOW_ANSWER = Duration.ofSeconds(4);

	private static final HttpClient browser = HttpClient.newHttpClient();

	@Autowired
	DataSource dataSource;

	@Test
	void holdsNothingWhileDialpadCreatesOrRotatesAWebhook() {
		UUID appId = newApp();

		Response created = whileDialpadIsSlow("POST", "/api/v2/webhooks",
				() -> api().post("/internal/webhooks/create?app_id=" + appId, null));

		assertThat(created.status()).as(created.text()).isEqualTo(200);
		long webhookId = created.json().path("webhook_id").longValue();
		String before = this.dialpad.webhook(webhookId).secret();
		Response rotated = whileDialpadIsSlow("PATCH", "/api/v2/webhooks/" + webhookId,
				() -> api().post("/internal/webhooks/" + webhookId + "/rotate-secret", null));
		assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
		assertThat(this.dialpad.webhook(webhookId).secret()).isNotEqualTo(before);
		assertNoLeaseOf(appId);
	}

	@Test
	void holdsNothingWhileDialpadCreatesASubscription() {
		UUID appId = newApp();
		assertThat(api().post("/internal/webhooks/create?app_id=" + appId, null).status()).isEqualTo(200);

		Response created = whileDialpadIsSlow("POST", "/api/v2/subscriptions/call",
				() -> api().post("/internal/subscriptions/call", """
						{"app_id": "%s"}""".formatted(appId)));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(this.dialpad.subscriptions("call")).hasSize(1);
		assertNoLeaseOf(appId);
	}

	@Test
	void holdsNothingWhileDialpadIsSlowDuringAnAppsSetUp() {
		UUID appId = newApp();

		Response setUp = whileDialpadIsSlow("POST", "/api/v2/subscriptions/sms",
				() -> api().post("/internal/apps/" + appId + "/setup", null));

		assertThat(setUp.status()).as(setUp.text()).isEqualTo(200);
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(this.dialpad.subscriptions("call")).hasSize(1);
		assertThat(this.dialpad.subscriptions("sms")).hasSize(1);
		assertNoLeaseOf(appId);
	}

	@Test
	void holdsNothingWhileDialpadRedeemsOrRefreshesOAuthTokens() {
		UUID appId = newApp();
		// due for a refresh at once (tokens are refreshed 5 minutes before they expire)
		this.dialpad.accessTokenLifetime(Duration.ofSeconds(60));
		Response authorize = api().get("/internal/apps/" + appId + "/oauth/authorize");
		assertThat(authorize.status()).as(authorize.text()).isEqualTo(302);
		String callback = consent(URI.create(authorize.field("authorize_url")));

		Response connected = whileDialpadIsSlow("POST", "/oauth2/token",
				() -> api().send("GET", callback, null, null, null));
		assertThat(connected.status()).as(connected.text()).isEqualTo(200);
		int issued = this.dialpad.tokensIssued();

		Response created = whileDialpadIsSlow("POST", "/oauth2/token",
				() -> api().post("/internal/webhooks/create?app_id=" + appId, null));

		assertThat(created.status()).as(created.text()).isEqualTo(200);
		assertThat(this.dialpad.tokensIssued()).as("the token was refreshed").isEqualTo(issued + 1);
		assertThat(this.jdbc.sql("select count(*) from admin_leases where name = :name")
			.param("name", "oauth-refresh:" + appId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aDialpadTimeoutEndsWithItsProblemHoldingNothingAndTheNextCallProceeds() {
		UUID appId = newApp();

		// longer than the read timeout: a POST that timed out is not repeated
		Response timedOut = whileDialpadIsSlow("POST", "/api/v2/webhooks", Duration.ofSeconds(12),
				() -> api().post("/internal/webhooks/create?app_id=" + appId, null));

		assertThat(timedOut.isProblem(504)).as(timedOut.status() + " " + timedOut.text()).isTrue();
		assertThat(timedOut.field("type")).isEqualTo("urn:cti:admin:dialpad-timeout");
		assertNoLeaseOf(appId);
		await().atMost(Duration.ofSeconds(2)).until(() -> HeldConnections.sample(this.dataSource).nothingHeld());
		Response next = api().post("/internal/webhooks/create?app_id=" + appId, null);
		assertThat(next.status()).as(next.text()).isEqualTo(200);
		// the webhook Dialpad made for the call that timed out is adopted, not made twice
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(next.json().path("webhook_id").longValue()).isEqualTo(this.dialpad.webhooks().get(0).id());
	}

	private Response whileDialpadIsSlow(String method, String pathPrefix, Supplier<Response> call) {
		return whileDialpadIsSlow(method, pathPrefix, SLOW_ANSWER, call);
	}

	/**
	 * Makes the call while Dialpad takes {@code delay} to answer the matching request,
	 * and looks what is held while that answer is awaited.
	 */
	private Response whileDialpadIsSlow(String method, String pathPrefix, Duration delay, Supplier<Response> call) {
		int started = this.dialpad.delayedRequestsStarted();
		this.dialpad.delayNext(method, pathPrefix, delay, 1);
		CompletableFuture<Response> answer = CompletableFuture.supplyAsync(call);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.dialpad.delayedRequestsStarted() > started || answer.isDone());
		assertThat(answer).as("the call waits for Dialpad's slow answer to " + method + " " + pathPrefix).isNotDone();
		// a connection held across the call would show in every look; a short query of a
		// background task in one look only
		await().atMost(Duration.ofSeconds(2))
			.during(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(HeldConnections.sample(this.dataSource))
				.as("held while waiting for Dialpad's answer to " + method + " " + pathPrefix)
				.matches(HeldConnections.Sample::nothingHeld));
		assertThat(answer).as("the looks were taken while Dialpad was being waited on").isNotDone();
		return answer.join();
	}

	private void assertNoLeaseOf(UUID appId) {
		assertThat(this.jdbc.sql("select count(*) from admin_leases where name = :name")
			.param("name", "dialpad-setup:" + appId)
			.query(Integer.class)
			.single()).as("the app's set-up lease is released").isZero();
	}

	/** The browser at Dialpad's consent page: the callback path it is sent back to. */
	private String consent(URI authorizeUrl) {
		try {
			HttpResponse<String> response = browser.send(HttpRequest.newBuilder(authorizeUrl).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			return response.headers().firstValue("Location").orElseThrow().substring(PUBLIC_BASE_URL.length());
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
