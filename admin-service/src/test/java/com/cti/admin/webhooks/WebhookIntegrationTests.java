package com.cti.admin.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.fakedialpad.FakeDialpad;
import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminApi.Response;
import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /internal/webhooks} end to end: the fake Dialpad, the database and the secrets
 * topic that ingest reads.
 */
class WebhookIntegrationTests extends ProvisioningIntegrationTest {

	private static final JsonMapper json = JsonMapper.shared();

	@Autowired
	SecretCipher cipher;

	@Test
	void createsTheAppsWebhookWithASecretOfItsOwnAndHandsTheSecretToIngest() {
		UUID appId = newApp();

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().path("success").asBoolean()).isTrue();
		assertThat(response.json().path("created").asBoolean()).isTrue();
		assertThat(response.field("message")).isNotBlank();
		assertThat(response.field("next_step")).contains("/internal/subscriptions/call");
		assertThat(response.field("hook_url")).isEqualTo(hookUrl(appId));
		long webhookId = response.json().path("webhook_id").longValue();
		FakeDialpad.Webhook atDialpad = this.dialpad.webhook(webhookId);
		assertThat(atDialpad).isNotNull();
		assertThat(atDialpad.hookUrl()).isEqualTo(hookUrl(appId));
		String secret = atDialpad.secret();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(GLOBAL_WEBHOOK_SECRET);
		StoredRow row = row(appId);
		assertThat(row.dialpadWebhookId()).isEqualTo(webhookId);
		assertThat(new String(row.secret(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(this.cipher.decrypt(row.secret(), "dialpad_webhooks.secret:" + row.id())).isEqualTo(secret);
		WebhookSecretsUpdated published = lastSecrets(appId);
		assertThat(published.signed()).isTrue();
		assertThat(published.secret()).isEqualTo(secret);
		assertThat(published.previousSecret()).isNull();
		assertThat(secretRecords(appId)).as("sealed on the topic: its bytes never hold the secret")
			.allSatisfy((record) -> assertThat(record.value()).doesNotContain(secret));
	}

	@Test
	void aSecondCallReturnsTheSameWebhookAndCreatesNothingAtDialpad() {
		UUID appId = newApp();
		long first = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();

		Response second = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().path("webhook_id").longValue()).isEqualTo(first);
		assertThat(second.json().path("created").asBoolean()).isFalse();
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks")).hasSize(1);
		assertThat(secretRecords(appId)).hasSize(2).allMatch((record) -> record.value() != null);
	}

	@Test
	void adoptsAWebhookThatAFailedAttemptLeftAtDialpad() {
		UUID appId = newApp();
		FakeDialpad.Webhook orphan = this.dialpad.addWebhook(hookUrl(appId), "lost-secret");

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("webhook_id").longValue()).isEqualTo(orphan.id());
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks")).isEmpty();
		assertThat(this.dialpad.webhook(orphan.id()).secret()).isNotEqualTo("lost-secret")
			.isEqualTo(lastSecrets(appId).secret());
	}

	@Test
	void createsAnUnsignedWebhookOrOneWithTheGlobalSecretWhenAsked() {
		UUID unsignedApp = newApp();
		UUID globalApp = newApp();

		Response unsigned = api().post("/internal/webhooks/create?signed=false&app_id=" + unsignedApp, null);
		Response global = api().post("/internal/webhooks/create?use_global_secret=true&app_id=" + globalApp, null);

		assertThat(unsigned.json().path("signed").asBoolean()).isFalse();
		assertThat(this.dialpad.webhook(unsigned.json().path("webhook_id").longValue()).secret()).isNull();
		assertThat(lastSecrets(unsignedApp).signed()).isFalse();
		assertThat(lastSecrets(unsignedApp).secret()).isNull();
		assertThat(row(unsignedApp).secret()).isNull();
		assertThat(global.field("secret_source")).isEqualTo("global");
		assertThat(this.dialpad.webhook(global.json().path("webhook_id").longValue()).secret())
			.isEqualTo(GLOBAL_WEBHOOK_SECRET);
		assertThat(lastSecrets(globalApp).secret()).isEqualTo(GLOBAL_WEBHOOK_SECRET);
	}

	@Test
	void refusesBadRequestsWithAProblemAndTouchesNothing() {
		UUID appId = newApp();
		assertThat(api().post("/internal/webhooks/create", null).isProblem(400)).isTrue();
		assertThat(api().post("/internal/webhooks/create?app_id=not-a-uuid", null).isProblem(400)).isTrue();
		assertThat(api().post("/internal/webhooks/create?signed=false&use_global_secret=true&app_id=" + appId, null)
			.isProblem(400)).isTrue();
		Response unknown = api().post("/internal/webhooks/create?app_id=" + UUID.randomUUID(), null);
		assertThat(unknown.isProblem(404)).isTrue();
		assertThat(unknown.field("type")).isEqualTo("urn:cti:admin:app-not-found");
		Response disabled = api().post("/internal/webhooks/create?app_id=" + newDisabledApp(), null);
		assertThat(disabled.isProblem(409)).isTrue();
		assertThat(api().get("/internal/webhooks/12345").isProblem(404)).isTrue();
		assertThat(api().delete("/internal/webhooks/12345").isProblem(404)).isTrue();
		assertThat(api().post("/internal/webhooks/12345/rotate-secret", null).isProblem(404)).isTrue();

		assertThat(this.dialpad.webhooks()).isEmpty();
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks")).isEmpty();
		assertThat(rows(appId)).isZero();
	}

	@Test
	void saysDialpadRefusedTheKeyAndRecordsNothing() {
		UUID appId = newApp();
		this.dialpad.failNext("GET", "/api/v2/webhooks", 401, 1);

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.isProblem(502)).as(response.text()).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:dialpad-credentials-rejected");
		assertThat(response.field("detail")).contains("DIALPAD_API_KEY");
		assertThat(response.json().path("dialpad_status").asInt()).isEqualTo(401);
		assertThat(rows(appId)).isZero();
		assertThat(secretRecords(appId)).isEmpty();
	}

	@Test
	void answers503WithRetryAfterWhenDialpadRateLimitsForLong() {
		UUID appId = newApp();
		this.dialpad.rateLimitNext("POST", "/api/v2/webhooks", "120", 1);

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.isProblem(503)).as(response.status() + " " + response.contentType() + " " + response.text())
			.isTrue();
		assertThat(response.retryAfter()).isEqualTo("120");
		assertThat(rows(appId)).isZero();
		assertThat(this.dialpad.webhooks()).isEmpty();
	}

	@Test
	void getsThroughShortRateLimitsAndTransientFaults() {
		UUID appId = newApp();
		this.dialpad.rateLimitNext("GET", "/api/v2/webhooks", null, 1);
		this.dialpad.rateLimitNext("POST", "/api/v2/webhooks", "1", 1);
		this.dialpad.failNext("POST", "/api/v2/webhooks", 503, 1);

		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(rows(appId)).isOne();
	}

	@Test
	void aDialpadFaultLeavesNothingBehindAndTheNextCallSucceeds() {
		UUID appId = newApp();
		this.dialpad.failNext("POST", "/api/v2/webhooks", 500, 1);

		Response failed = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(failed.isProblem(502)).isTrue();
		assertThat(failed.field("type")).isEqualTo("urn:cti:admin:dialpad-unavailable");
		assertThat(rows(appId)).isZero();
		assertThat(api().post("/internal/webhooks/create?app_id=" + appId, null).status()).isEqualTo(200);
		assertThat(this.dialpad.webhooks()).hasSize(1);
	}

	@Test
	void rotatesTheSecretKeepingTheOldOneValidAtIngestForTheGracePeriod() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();
		String old = this.dialpad.webhook(webhookId).secret();

		Response rotated = api().post("/internal/webhooks/" + webhookId + "/rotate-secret?grace_seconds=600", null);

		assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
		String current = this.dialpad.webhook(webhookId).secret();
		assertThat(current).isNotEqualTo(old);
		WebhookSecretsUpdated published = lastSecrets(appId);
		assertThat(published.secret()).isEqualTo(current);
		assertThat(published.previousSecret()).isEqualTo(old);
		assertThat(secretRecords(appId)).as("both secrets sealed on the topic")
			.allSatisfy((record) -> assertThat(record.value()).doesNotContain(old).doesNotContain(current));
		assertThat(published.previousSecretExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(10)),
				within(Duration.ofMinutes(1)));
		assertThat(Instant.parse(rotated.field("previous_secret_expires_at")))
			.isEqualTo(published.previousSecretExpiresAt());
		StoredRow row = row(appId);
		assertThat(this.cipher.decrypt(row.secret(), "dialpad_webhooks.secret:" + row.id())).isEqualTo(current);
	}

	@Test
	void rotatesWithTheDefaultGraceOfAnHour() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();

		api().post("/internal/webhooks/" + webhookId + "/rotate-secret", null);

		assertThat(lastSecrets(appId).previousSecretExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(1)),
				within(Duration.ofMinutes(1)));
	}

	@Test
	void aRotationDialpadRefusesChangesNothing() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();
		String old = this.dialpad.webhook(webhookId).secret();
		this.dialpad.failNext("PATCH", "/api/v2/webhooks/", 500, 4);

		Response response = api().post("/internal/webhooks/" + webhookId + "/rotate-secret", null);

		assertThat(response.isProblem(502)).isTrue();
		assertThat(this.dialpad.webhook(webhookId).secret()).isEqualTo(old);
		WebhookSecretsUpdated published = lastSecrets(appId);
		assertThat(published.secret()).isEqualTo(old);
		assertThat(published.previousSecret()).isNull();
		StoredRow row = row(appId);
		assertThat(this.cipher.decrypt(row.secret(), "dialpad_webhooks.secret:" + row.id())).isEqualTo(old);
	}

	@Test
	void refusesToRotateAnUnsignedWebhookOrToBadGrace() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?signed=false&app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();

		assertThat(api().post("/internal/webhooks/" + webhookId + "/rotate-secret", null).isProblem(409)).isTrue();
		assertThat(
				api().post("/internal/webhooks/" + webhookId + "/rotate-secret?grace_seconds=-1", null).isProblem(400))
			.isTrue();
		assertThat(this.dialpad.requests("PATCH", "/api/v2/webhooks/" + webhookId)).isEmpty();
	}

	@Test
	void deletesTheWebhookWithItsSubscriptionsAtDialpadAndTellsIngest() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();
		FakeDialpad.Webhook other = this.dialpad.addWebhook("https://elsewhere.example/hook", null);
		createAtDialpad("call", webhookId);
		createAtDialpad("sms", webhookId);
		createAtDialpad("call", other.id());

		Response response = api().delete("/internal/webhooks/" + webhookId);

		assertThat(response.status()).isEqualTo(204);
		assertThat(this.dialpad.webhook(webhookId)).isNull();
		assertThat(this.dialpad.subscriptions("call")).singleElement()
			.satisfies((subscription) -> assertThat(subscription.endpointId()).isEqualTo(other.id()));
		assertThat(this.dialpad.subscriptions("sms")).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from dialpad_webhooks where app_id = :app and deleted_at is null")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
		List<ConsumerRecord<String, String>> records = secretRecords(appId);
		assertThat(records.get(records.size() - 1).value()).isNull();
		assertThat(api().get("/internal/webhooks/" + webhookId).isProblem(404)).isTrue();
	}

	@Test
	void listsAndShowsWebhooksWithWhatDialpadHas() {
		UUID appId = newApp();
		long webhookId = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();

		Response list = api().get("/internal/webhooks?app_id=" + appId);
		Response shown = api().get("/internal/webhooks/" + webhookId);

		assertThat(list.json()).hasSize(1);
		assertThat(list.json().get(0).path("webhook_id").longValue()).isEqualTo(webhookId);
		assertThat(list.text()).doesNotContain(this.dialpad.webhook(webhookId).secret());
		assertThat(shown.json().path("dialpad").path("exists").asBoolean()).isTrue();
		assertThat(shown.json().path("dialpad").path("in_sync").asBoolean()).isTrue();
		assertThat(shown.text()).doesNotContain(this.dialpad.webhook(webhookId).secret());
		this.dialpad.removeWebhook(webhookId);
		assertThat(api().get("/internal/webhooks/" + webhookId).json().path("dialpad").path("exists").asBoolean())
			.isFalse();
	}

	@Test
	void makesANewWebhookWhenDialpadLostTheOldOne() {
		UUID appId = newApp();
		long first = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();
		this.dialpad.removeWebhook(first);

		Response again = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(again.json().path("created").asBoolean()).isTrue();
		assertThat(again.json().path("webhook_id").longValue()).isNotEqualTo(first);
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(rows(appId)).isEqualTo(2);
		assertThat(row(appId).dialpadWebhookId()).isEqualTo(again.json().path("webhook_id").longValue());
	}

	@Test
	void staysIdempotentWithADialpadThatCannotListOrShowWebhooks() {
		UUID appId = newApp();
		this.dialpad.failNext("GET", "/api/v2/webhooks", 405, 1);
		long first = api().post("/internal/webhooks/create?app_id=" + appId, null)
			.json()
			.path("webhook_id")
			.longValue();
		this.dialpad.failNext("GET", "/api/v2/webhooks", 404, 2);

		Response again = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.json().path("created").asBoolean()).isFalse();
		assertThat(again.json().path("webhook_id").longValue()).isEqualTo(first);
		assertThat(this.dialpad.webhooks()).hasSize(1);
	}

	private void createAtDialpad(String type, long webhookId) {
		this.dialpad
			.addSubscription(type, webhookId, (tools.jackson.databind.node.ObjectNode) json.readTree(type.equals("call")
					? "{\"call_states\":[\"ringing\"],\"enabled\":true}" : "{\"direction\":\"all\",\"enabled\":true}"));
	}

	private List<ConsumerRecord<String, String>> secretRecords(UUID appId) {
		return TopicReader.withKey(this.brokers, Topics.WEBHOOK_SECRETS, appId.toString());
	}

	private WebhookSecretsUpdated lastSecrets(UUID appId) {
		List<ConsumerRecord<String, String>> records = secretRecords(appId);
		assertThat(records).isNotEmpty();
		return TOPIC_SEAL.open(json.readValue(records.get(records.size() - 1).value(), WebhookSecretsUpdated.class));
	}

	private int rows(UUID appId) {
		return this.jdbc.sql("select count(*) from dialpad_webhooks where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single();
	}

	private StoredRow row(UUID appId) {
		return this.jdbc.sql("""
				select id, dialpad_webhook_id, secret_encrypted from dialpad_webhooks
				where app_id = :app and deleted_at is null
				""")
			.param("app", appId)
			.query((rs, n) -> new StoredRow(rs.getObject("id", UUID.class), rs.getLong("dialpad_webhook_id"),
					rs.getBytes("secret_encrypted")))
			.single();
	}

	private record StoredRow(UUID id, long dialpadWebhookId, byte[] secret) {
	}

}
