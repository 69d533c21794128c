package com.cti.admin.fakedialpad;

import com.cti.platform.crypto.EncryptionKeyring;
import com.cti.platform.crypto.WebhookSecretsSeal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminIntegrationTest;
import com.cti.admin.support.TestIngest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin service (real HTTP, embedded Kafka, embedded PostgreSQL) pointed at the
 * {@link FakeDialpad}. Every subclass shares one context; each test makes its own apps
 * and the fake forgets everything between tests.
 */
@AdminIntegrationTest
public abstract class ProvisioningIntegrationTest {

	/** Where the tests say Dialpad should deliver. */
	public static final String PUBLIC_BASE_URL = "https://cti.example.test";

	/** {@code DIALPAD_WEBHOOK_SECRET} of the test context. */
	public static final String GLOBAL_WEBHOOK_SECRET = "global-webhook-secret-for-tests-0123456789";

	/** {@code CTI_ENCRYPTION_KEY} of the test context (32 bytes, base64). */
	public static final String ENCRYPTION_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

	/**
	 * Opens the secrets published on the webhook secrets topic, as the ingest service
	 * does with the same key.
	 */
	public static final WebhookSecretsSeal TOPIC_SEAL = new WebhookSecretsSeal(EncryptionKeyring.parse(ENCRYPTION_KEY));

	/** {@code DIALPAD_PROD_REDIRECT_URI} of the test context. */
	public static final String REDIRECT_URI = PUBLIC_BASE_URL + "/oauth/dialpad/callback";

	protected final FakeDialpad dialpad = FakeDialpad.instance();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	// not ${spring.embedded.kafka.brokers}: that system property names the broker of the
	// context started last, and other test contexts have brokers of their own
	@Autowired
	private EmbeddedKafkaBroker embeddedKafka;

	protected String brokers;

	@DynamicPropertySource
	static void dialpadSettings(DynamicPropertyRegistry registry) {
		dialpadProperties().forEach((name, value) -> registry.add(name, () -> value));
		// the real ingest service that the backfill hands its calls to (TestIngest)
		registry.add("cti.admin.ingest.url", TestIngest::url);
	}

	/**
	 * The Dialpad settings of the test context, also for admin instances that a test
	 * starts itself.
	 */
	public static Map<String, String> dialpadProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("cti.dialpad.api-base-url", FakeDialpad.instance().baseUrl());
		properties.put("cti.dialpad.api-key", FakeDialpad.API_KEY);
		properties.put("cti.dialpad.webhook-secret", GLOBAL_WEBHOOK_SECRET);
		properties.put("cti.dialpad.read-timeout", "10s");
		properties.put("cti.dialpad.retry.initial-backoff", "20ms");
		properties.put("cti.dialpad.retry.max-backoff", "100ms");
		properties.put("cti.dialpad.retry.max-retry-after", "2s");
		properties.put("cti.dialpad.oauth.client-id", FakeDialpad.CLIENT_ID);
		properties.put("cti.dialpad.oauth.client-secret", FakeDialpad.CLIENT_SECRET);
		properties.put("cti.dialpad.oauth.redirect-uri", REDIRECT_URI);
		properties.put("cti.admin.public-base-url", PUBLIC_BASE_URL);
		properties.put("cti.admin.encryption-key", ENCRYPTION_KEY);
		// the test host names (*.example.test) resolve nowhere: development mode lets
		// them be
		// hook and redirect URLs (OutboundUrlsIntegrationTests checks the refusal without
		// it)
		properties.put("cti.admin.dev-mode", "true");
		return properties;
	}

	@BeforeEach
	void forgetDialpad() {
		this.dialpad.reset();
		this.brokers = this.embeddedKafka.getBrokersAsString();
	}

	protected AdminApi api() {
		return new AdminApi(this.port);
	}

	/** A new enabled app, written straight to the database. */
	protected UUID newApp() {
		UUID appId = UUID.randomUUID();
		this.jdbc.sql("insert into apps (id, name) values (:id, :name)")
			.param("id", appId)
			.param("name", "provisioning-test-" + appId)
			.update();
		return appId;
	}

	protected UUID newDisabledApp() {
		UUID appId = newApp();
		this.jdbc.sql("update apps set enabled = false, disabled_at = now() where id = :id")
			.param("id", appId)
			.update();
		return appId;
	}

	protected String hookUrl(UUID appId) {
		return PUBLIC_BASE_URL + "/webhooks/dialpad/" + appId;
	}

}
