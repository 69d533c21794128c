package com.cti.ingest.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.SecretsTopic;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secrets topic is read from its beginning at every start, by any number of
 * instances, without a consumer group (even when one is configured): each start ends up
 * with the latest record of every app, tombstones applied and unreadable records skipped.
 */
@IngestIntegrationTest
@TestPropertySource(properties = "spring.kafka.consumer.group-id=a-group-that-must-not-be-used")
class WebhookSecretsListenerIntegrationTests {

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Autowired
	WebhookSecretsRegistry registry;

	@Autowired
	KafkaListenerEndpointRegistry containers;

	@Test
	void readsTheWholeTopicAtEveryStartWithoutAConsumerGroup() throws Exception {
		String kept = UUID.randomUUID().toString();
		String rotated = UUID.randomUUID().toString();
		String deleted = UUID.randomUUID().toString();
		String unsigned = UUID.randomUUID().toString();
		try (var topic = new SecretsTopic(this.brokers)) {
			topic.signed(kept, "kept-secret");
			topic.signed(rotated, "first-secret");
			topic.send(UUID.randomUUID().toString(), "{\"not\": \"an update\"");
			topic.rotated(rotated, "second-secret", "first-secret", Instant.now().plusSeconds(600));
			topic.signed(deleted, "deleted-secret");
			topic.deleted(deleted);
			topic.unsigned(unsigned);
		}
		MessageListenerContainer container = this.containers.getListenerContainer(WebhookSecretsListener.ID);

		for (int start = 0; start < 2; start++) {
			container.stop();
			assertThat(container.isRunning()).isFalse();
			// what a start must read again from the topic's beginning
			this.registry.remove(kept);
			this.registry.remove(rotated);
			this.registry.remove(unsigned);
			this.registry.put(deleted, new AppWebhook(true, "deleted-secret", null, null));
			container.start();

			await().atMost(Duration.ofSeconds(15)).until(() -> this.registry.find(unsigned) != null);
			assertThat(this.registry.isLoaded()).isTrue();
			assertThat(this.registry.find(kept).secretsAt(Instant.now())).containsExactly("kept-secret");
			assertThat(this.registry.find(rotated).secretsAt(Instant.now())).containsExactly("second-secret",
					"first-secret");
			assertThat(this.registry.find(deleted)).isNull();
			assertThat(this.registry.find(unsigned).acceptsUnsigned()).isTrue();
		}
		try (var admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers))) {
			assertThat(admin.listGroups().all().get()).isEmpty();
		}
	}

}
