package com.cti.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes one webhook body from the wire to Kafka: verify, classify, wrap in the envelope,
 * publish durably.
 */
@Service
class WebhookIntake {

	private final WebhookVerifier verifier;

	private final EventClassifier classifier;

	private final EventPublisher publisher;

	private final IngestProperties properties;

	private final Clock clock;

	WebhookIntake(WebhookVerifier verifier, EventClassifier classifier, EventPublisher publisher,
			IngestProperties properties) {
		this.verifier = verifier;
		this.classifier = classifier;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	DialpadEventReceived accept(@Nullable String appId, byte[] body) {
		String token = new String(body, StandardCharsets.UTF_8).strip();
		if (token.isEmpty()) {
			throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "empty-body", "The request body is empty");
		}
		if (token.startsWith("{")) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "unsigned",
					"Unsigned events are not accepted: the webhook has a secret, so Dialpad sends a signed JWT");
		}
		String payload = this.verifier.verify(token);
		var classified = this.classifier.classify(payload);
		var event = new DialpadEventReceived(UUID.randomUUID(),
				(appId != null) ? appId : this.properties.defaultAppId(), classified.kind(), this.clock.instant(),
				payload, classified.contentHash(), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		this.publisher.publish(event, classified.key());
		return event;
	}

}
