package com.cti.ingest.secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.SecretsTopic;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secrets topic is read from its beginning at every start, by any number of
 * instances, without a consumer group: each new listener ends up with the latest record
 * of every app, tombstones applied and unreadable records skipped.
 */
@IngestIntegrationTest
class WebhookSecretsListenerIntegrationTests {

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

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

		for (int start = 0; start < 2; start++) {
			var registry = new WebhookSecretsRegistry();
			var listener = new WebhookSecretsListener(registry, kafkaProperties());
			listener.start();
			try {
				await().atMost(Duration.ofSeconds(15)).until(registry::isLoaded);
				assertThat(registry.find(kept).secretsAt(Instant.now())).containsExactly("kept-secret");
				assertThat(registry.find(rotated).secretsAt(Instant.now())).containsExactly("second-secret",
						"first-secret");
				assertThat(registry.find(deleted)).isNull();
				assertThat(registry.find(unsigned).acceptsUnsigned()).isTrue();
			}
			finally {
				listener.stop();
			}
			assertThat(listener.isRunning()).isFalse();
		}
		try (var admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers))) {
			assertThat(admin.listGroups().all().get()).isEmpty();
		}
	}

	private KafkaProperties kafkaProperties() {
		var properties = new KafkaProperties();
		properties.setBootstrapServers(List.of(this.brokers));
		properties.getConsumer().setGroupId("a-group-that-must-not-be-used");
		return properties;
	}

}
