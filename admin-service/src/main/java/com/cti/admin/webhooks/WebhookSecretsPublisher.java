package com.cti.admin.webhooks;

import java.time.Duration;
import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.outbox.Outbox;
import com.cti.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Makes an app's webhook secrets known to every ingest instance, on the compacted
 * {@link Topics#WEBHOOK_SECRETS} topic keyed by app id, through the {@link Outbox}: a
 * change owes them in its transaction, and after the commit they are sent and the
 * broker's acknowledgement awaited. A tombstone means the app has no webhook of its own
 * any more.
 */
@Component
class WebhookSecretsPublisher {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecretsPublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final Outbox outbox;

	WebhookSecretsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	/** In the transaction of a change: ingest is owed the app's secrets as committed. */
	void owe(UUID appId) {
		this.outbox.owe(Topics.WEBHOOK_SECRETS, appId.toString(), null);
	}

	/**
	 * After the commit: publishes the app's secrets (or its tombstone) and returns once
	 * Kafka acknowledged them; a 503 problem when it did not (they stay owed and are sent
	 * again until Kafka takes them).
	 */
	void publish(UUID appId) {
		try {
			this.outbox.deliver(Topics.WEBHOOK_SECRETS, appId.toString(), TIMEOUT);
		}
		catch (Outbox.NotDeliveredException ex) {
			throw notPublished(appId, ex);
		}
	}

	/**
	 * Publishes, logging instead of failing: for putting back a state after a failure.
	 */
	void publishQuietly(UUID appId) {
		try {
			publish(appId);
		}
		catch (RuntimeException ex) {
			logger.error("Could not restore the webhook secrets of app {} at ingest now; they are sent again later",
					appId, ex);
		}
	}

	private static ErrorResponseException notPublished(UUID appId, Exception cause) {
		logger.warn("Webhook secrets of app {} not acknowledged by Kafka: {}", appId, cause.toString());
		ErrorResponseException problem = ProvisioningProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
				"webhook-secrets-not-published", "Kafka unavailable",
				"Kafka did not acknowledge the webhook secrets of app " + appId + ", so ingest may not have them yet; "
						+ "what is recorded here is sent again until Kafka takes it. The call is safe to repeat.");
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
		return problem;
	}

}
