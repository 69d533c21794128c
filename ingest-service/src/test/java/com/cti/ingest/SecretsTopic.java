package com.cti.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Writes the secrets topic the way the admin service does (spring-kafka's Jackson
 * serializer without type headers, keyed by app id, null for a tombstone).
 */
public final class SecretsTopic implements AutoCloseable {

	private final KafkaProducer<String, Object> producer;

	public SecretsTopic(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<>().noTypeInfo());
	}

	public void signed(String appId, String secret) {
		send(appId, new WebhookSecretsUpdated(appId, true, secret, null, null, Instant.now()));
	}

	public void rotated(String appId, String secret, String previousSecret, Instant previousSecretExpiresAt) {
		send(appId,
				new WebhookSecretsUpdated(appId, true, secret, previousSecret, previousSecretExpiresAt, Instant.now()));
	}

	public void unsigned(String appId) {
		send(appId, new WebhookSecretsUpdated(appId, false, null, null, null, Instant.now()));
	}

	public void deleted(String appId) {
		send(appId, null);
	}

	public void send(String key, @Nullable Object value) {
		try {
			this.producer.send(new ProducerRecord<>(Topics.WEBHOOK_SECRETS, key, value)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
