package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.SecretsTopic;
import com.cti.ingest.WebhookClient;
import com.cti.model.WebhookSecretsUpdated;
import com.cti.platform.crypto.EncryptionKeyring;
import com.cti.platform.crypto.WebhookSecretsSeal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secrets on the topic are sealed with {@code CTI_ENCRYPTION_KEY} for their app: a
 * record sealed with the service's key verifies the app's tokens; one sealed with another
 * key, or whose ciphertext (or whole record) belongs to another app, is logged and
 * ignored, so that the app's tokens are refused as for a secret nobody published. The
 * secrets appear in no log line.
 */
@IngestIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SealedWebhookSecretsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final WebhookSecretsSeal SEAL = new WebhookSecretsSeal(
			EncryptionKeyring.parse(IngestIntegrationTest.ENCRYPTION_KEY));

	private static final WebhookSecretsSeal OTHER_KEYS_SEAL = new WebhookSecretsSeal(
			EncryptionKeyring.parse("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

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
	void verifiesWithASecretSealedWithTheKeyForItsApp(CapturedOutput output) {
		String app = newApp();
		this.secrets.send(app, SEAL.seal(signed(app, "sealed-secret-of-" + app)));

		await().atMost(PATIENCE)
			.until(() -> post(app, HandMadeJwt.hs256("sealed-secret-of-" + app, call())).statusCode(),
					(status) -> status == 200);

		assertThat(post(app, HandMadeJwt.hs256("sealed-secret-of-someone-else", call())).statusCode()).isEqualTo(401);
		assertThat(output.getAll()).doesNotContain("sealed-secret-of-");
	}

	@Test
	void ignoresSecretsSealedWithAnotherKeyOrForAnotherApp(CapturedOutput output) {
		String otherKey = newApp();
		String movedCiphertext = newApp();
		String movedRecord = newApp();
		String victim = newApp();
		this.secrets.send(otherKey, OTHER_KEYS_SEAL.seal(signed(otherKey, "stolen-" + otherKey)));
		WebhookSecretsUpdated victims = SEAL.seal(signed(victim, "stolen-" + victim));
		this.secrets.send(movedCiphertext,
				new WebhookSecretsUpdated(movedCiphertext, true, victims.secret(), null, null, Instant.now()));
		this.secrets.send(movedRecord, victims);
		// after the three on the topic's one partition: once it verifies, they have been
		// read
		String sentinel = newApp();
		this.secrets.send(sentinel, SEAL.seal(signed(sentinel, "sentinel-" + sentinel)));
		await().atMost(PATIENCE)
			.until(() -> post(sentinel, HandMadeJwt.hs256("sentinel-" + sentinel, call())).statusCode(),
					(status) -> status == 200);

		assertThat(post(otherKey, HandMadeJwt.hs256("stolen-" + otherKey, call())).statusCode()).isEqualTo(401);
		assertThat(post(movedCiphertext, HandMadeJwt.hs256("stolen-" + victim, call())).statusCode()).isEqualTo(401);
		assertThat(post(movedRecord, HandMadeJwt.hs256("stolen-" + victim, call())).statusCode()).isEqualTo(401);
		assertThat(output.getAll()).contains("Ignoring the cti.webhook-secrets record of app " + otherKey)
			.contains("another CTI_ENCRYPTION_KEY")
			.contains("Ignoring the cti.webhook-secrets record of app " + movedCiphertext)
			.contains("keyed by app " + movedRecord + " but for app " + victim)
			.doesNotContain("stolen-")
			.doesNotContain("sentinel-");
	}

	private static WebhookSecretsUpdated signed(String app, String secret) {
		return new WebhookSecretsUpdated(app, true, secret, null, null, Instant.now());
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
