package com.cti.ingest.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

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

	/**
	 * Verifies, classifies and durably publishes one webhook.
	 * @param pathAppId the app named by the URL, if any
	 * @param body the raw request body
	 * @return the published envelope
	 * @throws WebhookRejectedException when the request itself is bad
	 */
	DialpadEventReceived accept(@Nullable String pathAppId, byte[] body) {
		String appId = appId(pathAppId);
		String text = text(body);
		String token = text.strip();
		if (token.isEmpty()) {
			throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "empty-body", "The request body is empty");
		}
		if (token.startsWith("{")) {
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "unsigned",
					"Unsigned events are not accepted: the webhook has a secret, so Dialpad sends a signed JWT");
		}
		String payload = this.verifier.verify(token, List.of(this.properties.webhookSecret()));
		var classified = this.classifier.classify(payload);
		var event = new DialpadEventReceived(UUID.randomUUID(), appId, classified.kind(), this.clock.instant(), payload,
				classified.contentHash(), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		this.publisher.publish(event, classified.key());
		return event;
	}

	private @Nullable String appId(@Nullable String pathAppId) {
		if (StringUtils.hasText(pathAppId)) {
			return pathAppId;
		}
		return StringUtils.hasText(this.properties.defaultAppId()) ? this.properties.defaultAppId() : null;
	}

	private static String text(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "malformed-token",
					"The body is neither a JWT nor a JSON object (it is not UTF-8 text)");
		}
	}

}
