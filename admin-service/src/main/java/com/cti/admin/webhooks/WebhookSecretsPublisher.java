package com.cti.admin.webhooks;

import java.time.Duration;
import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import com.cti.platform.KafkaSends;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Makes an app's webhook secrets known to every ingest instance: publishes them on the
 * compacted {@link Topics#WEBHOOK_SECRETS} topic, keyed by app id, and waits for the
 * broker's acknowledgement. A tombstone means the app has no webhook of its own any more.
 */
@Component
class WebhookSecretsPublisher {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecretsPublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final KafkaTemplate<String, Object> kafkaTemplate;

	WebhookSecretsPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
		this.kafkaTemplate = kafkaTemplate;
	}

	/** Publishes the secrets and returns once Kafka acknowledged them. */
	void publish(WebhookSecretsUpdated secrets) {
		send(secrets.appId(), secrets);
	}

	/** Publishes the app's tombstone and returns once Kafka acknowledged it. */
	void tombstone(UUID appId) {
		send(appId.toString(), null);
	}

	/**
	 * Publishes, logging instead of failing: for putting back a state after a failure.
	 */
	void publishQuietly(WebhookSecretsUpdated secrets) {
		try {
			publish(secrets);
		}
		catch (RuntimeException ex) {
			logger.error("Could not restore the webhook secrets of app {} at ingest", secrets.appId(), ex);
		}
	}

	private void send(String appId, @Nullable WebhookSecretsUpdated value) {
		var future = this.kafkaTemplate.send(Topics.WEBHOOK_SECRETS, appId, value);
		try {
			KafkaSends.awaitAcknowledged(future, TIMEOUT);
		}
		catch (KafkaSends.NotAcknowledgedException ex) {
			future.cancel(false);
			throw notPublished(appId, ex);
		}
	}

	private static ErrorResponseException notPublished(String appId, Exception cause) {
		logger.warn("Webhook secrets of app {} not acknowledged by Kafka: {}", appId, cause.toString());
		ErrorResponseException problem = ProvisioningProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
				"webhook-secrets-not-published", "Kafka unavailable",
				"The webhook secrets of app " + appId + " could not be handed to ingest (Kafka did not acknowledge "
						+ "them); nothing was recorded. Try again: the call is safe to repeat.");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
		return problem;
	}

}
