package com.cti.admin.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.outbox.OutboxMessages;
import com.cti.model.Topics;
import com.cti.model.WebhookSecretsUpdated;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What ingest is owed on {@link Topics#WEBHOOK_SECRETS} for an app: the secrets of its
 * live webhook as committed (decrypted only to be sent, never stored in the outbox), or a
 * tombstone when it has none. The secrets travel sealed with {@code CTI_ENCRYPTION_KEY}
 * for the app ({@link SecretCipher#sealForTopic}): the topic's bytes never hold them in
 * clear.
 */
@Component
class WebhookSecretsMessages implements OutboxMessages {

	private final WebhookRepository repository;

	private final SecretCipher cipher;

	private final Clock clock;

	WebhookSecretsMessages(WebhookRepository repository, SecretCipher cipher, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.clock = Clock.tick(clock, Duration.ofNanos(1000));
	}

	@Override
	public String topic() {
		return Topics.WEBHOOK_SECRETS;
	}

	@Override
	public Optional<Message> current(String key, @Nullable String payload) {
		return Optional
			.of(new Message(this.repository.findLive(UUID.fromString(key)).map(this::secretsOf).orElse(null)));
	}

	private WebhookSecretsUpdated secretsOf(StoredWebhook webhook) {
		Instant now = this.clock.instant();
		if (!webhook.signed()) {
			return new WebhookSecretsUpdated(webhook.appId().toString(), false, null, null, null, now);
		}
		String secret = this.cipher.decrypt(webhook.secretEncrypted(), webhook.secretContext());
		boolean previousValid = webhook.previousSecretValidAt(now);
		String previous = previousValid
				? this.cipher.decrypt(webhook.previousSecretEncrypted(), webhook.previousSecretContext()) : null;
		return this.cipher.sealForTopic(new WebhookSecretsUpdated(webhook.appId().toString(), true, secret, previous,
				previousValid ? webhook.previousSecretExpiresAt() : null, now));
	}

}
