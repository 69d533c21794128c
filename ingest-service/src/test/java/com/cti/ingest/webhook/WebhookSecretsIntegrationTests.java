package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.SecretsTopic;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.cti.ingest.IngestIntegrationTest.WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-app secrets from the compacted secrets topic, without a database: an app's own
 * secret, the previous one during a rotation's grace period, plain JSON only for an app
 * created without a secret, and a tombstone that takes an app's secret away. The global
 * secret verifies an app's events only while the app has no record of its own (this
 * context accepts unregistered apps).
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	WebhookClient client;

	SecretsTopic secrets;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.secrets = new SecretsTopic(this.brokers);
	}

	@AfterEach
	void tearDown() {
		this.secrets.close();
	}

	@Test
	void verifiesAnAppsEventsWithItsOwnSecretOnly(CapturedOutput output) {
		String app = newApp();
		this.secrets.signed(app, "secret-of-" + app);

		await().atMost(PATIENCE)
			.until(() -> post(app, HandMadeJwt.hs256("secret-of-" + app, call())).statusCode(),
					(status) -> status == 200);

		// a token signed with the global secret, captured for another app, is not
		// replayed
		// into an app with a secret of its own (#14)
		assertThat(post(app, HandMadeJwt.hs256(WEBHOOK_SECRET, call())).statusCode()).isEqualTo(401);
		assertThat(post(newApp(), HandMadeJwt.hs256("secret-of-" + app, call())).statusCode()).isEqualTo(401);
		assertThat(post(app, HandMadeJwt.hs256("secret-of-someone-else", call())).statusCode()).isEqualTo(401);
		assertThat(output.getAll()).doesNotContain("secret-of-");
	}

	@Test
	void usesTheDefaultAppsSecretsForEventsPostedWithoutAnApp() {
		this.secrets.signed(IngestIntegrationTest.DEFAULT_APP_ID, "the-default-apps-secret");

		await().atMost(PATIENCE)
			.until(() -> this.client
				.post("/webhooks/dialpad", "application/jwt", HandMadeJwt.hs256("the-default-apps-secret", call()))
				.statusCode(), (status) -> status == 200);

		// the other tests post to the default app with the global secret: take its record
		// away
		this.secrets.deleted(IngestIntegrationTest.DEFAULT_APP_ID);
		await().atMost(PATIENCE)
			.until(() -> this.client
				.post("/webhooks/dialpad", "application/jwt", HandMadeJwt.hs256(WEBHOOK_SECRET, call()))
				.statusCode(), (status) -> status == 200);
	}

	@Test
	void acceptsThePreviousSecretUntilTheGracePeriodEnds() {
		String rotating = newApp();
		String expired = newApp();
		this.secrets.rotated(rotating, "new-" + rotating, "old-" + rotating, Instant.now().plusSeconds(3600));
		this.secrets.rotated(expired, "new-" + expired, "old-" + expired, Instant.now().minusSeconds(1));

		await().atMost(PATIENCE)
			.until(() -> post(expired, HandMadeJwt.hs256("new-" + expired, call())).statusCode(),
					(status) -> status == 200);

		assertThat(post(rotating, HandMadeJwt.hs256("new-" + rotating, call())).statusCode()).isEqualTo(200);
		assertThat(post(rotating, HandMadeJwt.hs256("old-" + rotating, call())).statusCode()).isEqualTo(200);
		assertThat(post(expired, HandMadeJwt.hs256("old-" + expired, call())).statusCode()).isEqualTo(401);
	}

	@Test
	void acceptsPlainJsonOnlyForAnAppCreatedWithoutASecret() {
		String unsignedApp = newApp();
		this.secrets.unsigned(unsignedApp);
		String event = "{ \"id\": 6500000000000777, \"from_number\": \"+14155550123\", \"to_number\": [\"+14155550101\"],"
				+ " \"message_status\": \"pending\", \"event_timestamp\": " + System.nanoTime() + " }\n";

		await().atMost(PATIENCE).until(() -> post(unsignedApp, event).statusCode(), (status) -> status == 200);

		DialpadEventReceived envelope = TopicRecords.envelopes(this.brokers)
			.stream()
			.filter((published) -> unsignedApp.equals(published.appId()))
			.findFirst()
			.orElseThrow();
		assertThat(envelope.kind()).isEqualTo(EventKind.SMS);
		assertThat(envelope.payload()).isEqualTo(event);
		assertThat(post(unsignedApp, HandMadeJwt.hs256(WEBHOOK_SECRET, call())).statusCode()).isEqualTo(401);
		assertThat(post(unsignedApp, "[1, 2]").statusCode()).isEqualTo(400);
		HttpResponse<String> elsewhere = post(newApp(), event);
		assertThat(elsewhere.statusCode()).isEqualTo(401);
		assertThat(elsewhere.body()).contains("urn:cti:webhook:unsigned");
	}

	@Test
	void forgetsAnAppsSecretWhenItsRecordIsDeleted() {
		String app = newApp();
		this.secrets.signed(app, "short-lived-" + app);
		await().atMost(PATIENCE)
			.until(() -> post(app, HandMadeJwt.hs256("short-lived-" + app, call())).statusCode(),
					(status) -> status == 200);

		this.secrets.deleted(app);

		await().atMost(PATIENCE)
			.until(() -> post(app, HandMadeJwt.hs256("short-lived-" + app, call())).statusCode(),
					(status) -> status == 401);
		assertThat(post(app, HandMadeJwt.hs256(WEBHOOK_SECRET, call())).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(String app, String body) {
		return this.client.post("/webhooks/dialpad/" + app, "application/jwt", body);
	}

	private static String newApp() {
		return UUID.randomUUID().toString();
	}

	private static String call() {
		return "{\"call_id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"state\":\"ringing\",\"event_timestamp\":1764158400200}";
	}

}
