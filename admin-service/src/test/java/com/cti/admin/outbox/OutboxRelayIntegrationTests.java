package com.cti.admin.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminInstance;
import com.cti.admin.support.MovableClock;
import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox across admin instances sharing one database: one whose Kafka is down answers
 * a change with 503 and leaves the secrets owed; one that reaches Kafka (the test
 * context's broker) relays them once they have been owed for a while (its clock is moved
 * ahead rather than the test waiting), with the state committed when they are sent; a
 * newer debt of the key outlives the delivery of an older one; deliveries of one key
 * never overlap. The relay runs every 200 ms ({@code cti.admin.outbox.relay-interval}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxRelayIntegrationTests extends ProvisioningIntegrationTest {

	private static final JsonMapper json = JsonMapper.shared();

	private final MovableClock relayClock = new MovableClock();

	@Autowired
	private EmbeddedKafkaBroker broker;

	private AdminInstance kafkaDown;

	private AdminInstance relaying;

	@BeforeAll
	void startInstances() {
		Map<String, String> down = new LinkedHashMap<>(dialpadProperties());
		down.put("spring.kafka.bootstrap-servers", "127.0.0.1:9");
		down.put("spring.kafka.admin.auto-create", "false");
		down.put("spring.kafka.producer.properties.max.block.ms", "2000");
		down.put("cti.admin.outbox.relay-interval", "1h");
		this.kafkaDown = AdminInstance.start(down, Clock.systemUTC());
		Map<String, String> up = new LinkedHashMap<>(dialpadProperties());
		up.put("spring.kafka.bootstrap-servers", this.broker.getBrokersAsString());
		up.put("spring.kafka.producer.properties.interceptor.classes", HeldSends.class.getName());
		up.put("cti.admin.outbox.relay-interval", "200ms");
		this.relaying = AdminInstance.start(up, this.relayClock);
	}

	@AfterAll
	void stopInstances() {
		HeldSends.release();
		if (this.relaying != null) {
			this.relaying.close();
		}
		if (this.kafkaDown != null) {
			this.kafkaDown.close();
		}
	}

	@BeforeEach
	void clockOnTime() {
		this.relayClock.reset();
	}

	@Test
	void aChangeKafkaDidNotTakeAnswers503AndStaysOwedUntilTheRelayDeliversIt() {
		UUID appId = newApp();

		Response response = this.kafkaDown.api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(response.isProblem(503)).as(response.status() + " " + response.text()).isTrue();
		assertThat(response.field("type")).isEqualTo("urn:cti:admin:webhook-secrets-not-published");
		assertThat(response.retryAfter()).isEqualTo("10");
		assertThat(liveWebhooks(appId)).as("the change is committed").isOne();
		assertThat(revision(appId)).as("and owes ingest its secrets").isPresent();
		// a fresh debt is left to the request delivering it: the relay waits for it to
		// settle
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> revision(appId).isPresent());
		assertThat(secrets(appId)).isEmpty();

		this.relayClock.moveAhead(OutboxRelay.SETTLE);

		await().atMost(Duration.ofSeconds(15)).until(() -> revision(appId).isEmpty());
		List<ConsumerRecord<String, String>> records = secrets(appId);
		assertThat(records).hasSize(1);
		WebhookSecretsUpdated published = read(records.get(0));
		assertThat(published.signed()).isTrue();
		assertThat(published.secret()).isEqualTo(this.dialpad.webhooks().get(0).secret());
	}

	@Test
	void aNewerDebtOfTheKeyIsNotClearedByTheDeliveryOfAnOlderState() throws Exception {
		UUID appId = newApp();
		String key = appId.toString();
		assertThat(this.kafkaDown.api().post("/internal/webhooks/create?app_id=" + appId, null).status())
			.isEqualTo(503);
		long webhookId = this.dialpad.webhooks().get(0).id();
		String first = this.dialpad.webhooks().get(0).secret();
		long older = revision(appId).orElseThrow();
		HeldSends.holdNext(key);
		this.relayClock.moveAhead(OutboxRelay.SETTLE);
		assertThat(HeldSends.awaitHeld(Duration.ofSeconds(15))).as("the relay sends the first secrets").isTrue();

		// a rotation commits newer secrets (a newer debt) while the older state is being
		// sent
		CompletableFuture<Response> rotated = CompletableFuture.supplyAsync(() -> this.relaying.api()
			.post("/internal/webhooks/" + webhookId + "/rotate-secret?grace_seconds=600", null));
		await().atMost(Duration.ofSeconds(15)).until(() -> !revision(appId).equals(Optional.of(older)));
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(HeldSends.mostAtOnce(key))
				.as("the rotation's delivery waits for the one under way")
				.isOne());
		HeldSends.release();

		Response rotation = rotated.get();
		assertThat(rotation.status()).as(rotation.text()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).until(() -> revision(appId).isEmpty());
		List<ConsumerRecord<String, String>> records = secrets(appId);
		assertThat(read(records.get(0)).secret()).isEqualTo(first);
		WebhookSecretsUpdated last = read(records.get(records.size() - 1));
		assertThat(last.secret()).isEqualTo(this.dialpad.webhook(webhookId).secret()).isNotEqualTo(first);
		assertThat(last.previousSecret()).isEqualTo(first);
		assertThat(HeldSends.mostAtOnce(key)).isOne();
	}

	@Test
	void twoRelaysDeliverAKeyOnceAtATime() throws Exception {
		UUID appId = newApp();
		String key = appId.toString();
		assertThat(this.kafkaDown.api().post("/internal/webhooks/create?app_id=" + appId, null).status())
			.isEqualTo(503);
		HeldSends.holdNext(key);
		OutboxRelay relay = this.relaying.bean(OutboxRelay.class);
		this.relayClock.moveAhead(OutboxRelay.SETTLE);

		// the scheduled relay and two more runs of it, all at once
		CompletableFuture<Void> second = CompletableFuture.runAsync(relay::relay);
		CompletableFuture<Void> third = CompletableFuture.runAsync(relay::relay);
		assertThat(HeldSends.awaitHeld(Duration.ofSeconds(15))).isTrue();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(
					() -> assertThat(HeldSends.sent(key)).as("one delivery of the key is under way, the others wait")
						.isOne());
		HeldSends.release();
		CompletableFuture.allOf(second, third).get();

		await().atMost(Duration.ofSeconds(15)).until(() -> revision(appId).isEmpty());
		assertThat(HeldSends.mostAtOnce(key)).isOne();
		assertThat(secrets(appId)).as("delivered once: the others found nothing owed any more").hasSize(1);
		assertThat(HeldSends.sent(key)).isOne();
	}

	private Optional<Long> revision(UUID appId) {
		return this.jdbc.sql("select revision from admin_outbox where topic = :topic and message_key = :key")
			.param("topic", Topics.WEBHOOK_SECRETS)
			.param("key", appId.toString())
			.query(Long.class)
			.optional();
	}

	private int liveWebhooks(UUID appId) {
		return this.jdbc.sql("select count(*) from dialpad_webhooks where app_id = :app and deleted_at is null")
			.param("app", appId)
			.query(Integer.class)
			.single();
	}

	private List<ConsumerRecord<String, String>> secrets(UUID appId) {
		return TopicReader.withKey(this.brokers, Topics.WEBHOOK_SECRETS, appId.toString());
	}

	private static WebhookSecretsUpdated read(ConsumerRecord<String, String> record) {
		return ProvisioningIntegrationTest.TOPIC_SEAL.open(json.readValue(record.value(), WebhookSecretsUpdated.class));
	}

}
