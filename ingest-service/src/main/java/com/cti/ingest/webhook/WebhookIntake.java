package com.cti.ingest.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.ingest.IngestProperties;
import com.cti.ingest.delivery.Delivery;
import com.cti.ingest.delivery.EventPublisher;
import com.cti.ingest.secrets.AppWebhook;
import com.cti.ingest.secrets.WebhookSecretsRegistry;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import com.cti.platform.logging.EventLogContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Takes one webhook body from the wire to Kafka: verify, check the replay window,
 * classify, wrap in the envelope, publish durably.
 * <p>
 * A token is bound to its app: an app with a record on the secrets topic is verified with
 * its own secrets only (a webhook created with {@code secret_source} 'global' carries
 * {@code DIALPAD_WEBHOOK_SECRET} as its own secret, so it is the one app of that kind
 * that accepts it). {@code DIALPAD_WEBHOOK_SECRET} verifies an app without a record only
 * when the event is posted without an app in the URL (the single-app deployment: the URL
 * cannot steer it into another app) or when {@code CTI_INGEST_ACCEPT_UNREGISTERED_APPS}
 * is on. Otherwise a token captured for one app could be posted to every other app's URL.
 */
@Service
class WebhookIntake {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIntake.class);

	private final WebhookVerifier verifier;

	private final EventClassifier classifier;

	private final EventPublisher publisher;

	private final IngestProperties properties;

	private final WebhookSecretsRegistry secrets;

	private final WebhookMetrics metrics;

	private final ReplayWindow replayWindow;

	private final Clock clock;

	WebhookIntake(WebhookVerifier verifier, EventClassifier classifier, EventPublisher publisher,
			IngestProperties properties, WebhookSecretsRegistry secrets, WebhookMetrics metrics,
			ReplayWindow replayWindow, Clock clock) {
		this.secrets = secrets;
		this.replayWindow = replayWindow;
		this.metrics = metrics;
		this.verifier = verifier;
		this.classifier = classifier;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
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
		try (var log = EventLogContext.open(null, appId, null)) {
			return accept(pathAppId, appId, body, log);
		}
	}

	private DialpadEventReceived accept(@Nullable String pathAppId, @Nullable String appId, byte[] body,
			EventLogContext log) {
		String text = text(body);
		String token = text.strip();
		if (token.isEmpty()) {
			throw new WebhookRejectedException(HttpStatus.BAD_REQUEST, "empty-body", "The request body is empty");
		}
		AppWebhook webhook = this.secrets.find(appId);
		String payload = token.startsWith("{") ? unsignedPayload(appId, webhook, text)
				: verify(token, webhook, sharedSecretApplies(pathAppId, webhook));
		this.replayWindow.check(payload);
		var classified = this.classifier.classify(payload);
		var event = new DialpadEventReceived(UUID.randomUUID(), appId, classified.kind(), this.clock.instant(), payload,
				classified.contentHash(), DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		log.with(event.eventId(), appId, (event.kind() == EventKind.CALL) ? classified.key() : null);
		Delivery delivery = this.publisher.publish(event, classified.key());
		this.metrics.accepted(event.kind(), appId, delivery);
		// DEBUG: one line per accepted webhook would be most of the log at INFO
		logger.debug("Webhook accepted: {} event, durable in {}", event.kind().wireName(), delivery);
		return event;
	}

	private String unsignedPayload(@Nullable String appId, @Nullable AppWebhook webhook, String body) {
		if (webhook != null && webhook.acceptsUnsigned()) {
			return this.verifier.plainPayload(body);
		}
		if (appId != null && !this.secrets.isLoaded()) {
			throw secretsNotLoaded();
		}
		throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "unsigned",
				"Unsigned events are not accepted: the webhook has a secret, so Dialpad sends a signed JWT");
	}

	/**
	 * Whether {@code DIALPAD_WEBHOOK_SECRET} verifies this request: never for an app with
	 * a record of its own (its record says which secrets it has).
	 */
	private boolean sharedSecretApplies(@Nullable String pathAppId, @Nullable AppWebhook webhook) {
		if (webhook != null) {
			return false;
		}
		return !StringUtils.hasText(pathAppId) || this.properties.acceptUnregisteredApps();
	}

	private String verify(String token, @Nullable AppWebhook webhook, boolean sharedSecretApplies) {
		List<String> candidates = new ArrayList<>(3);
		if (sharedSecretApplies) {
			candidates.add(this.properties.webhookSecret());
		}
		if (webhook != null) {
			candidates.addAll(webhook.secretsAt(this.clock.instant()));
		}
		if (webhook == null && !sharedSecretApplies) {
			if (!this.secrets.isLoaded()) {
				throw secretsNotLoaded();
			}
			throw new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "app-not-registered",
					"The app has no webhook secret of its own and DIALPAD_WEBHOOK_SECRET is not accepted for it");
		}
		try {
			return this.verifier.verify(token, candidates);
		}
		catch (WebhookRejectedException ex) {
			if ("bad-signature".equals(ex.reason()) && !this.secrets.isLoaded()) {
				throw secretsNotLoaded();
			}
			throw ex;
		}
	}

	private static WebhookUnavailableException secretsNotLoaded() {
		return new WebhookUnavailableException("secrets-not-loaded",
				"The webhook secrets are still being loaded; retry");
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
