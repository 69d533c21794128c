package com.cti.admin.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.dialpad.DialpadClient;
import com.cti.admin.dialpad.DialpadCredentials;
import com.cti.admin.dialpad.DialpadException;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.DialpadSubscription;
import com.cti.admin.dialpad.DialpadWebhook;
import com.cti.admin.dialpad.KnownApps;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.leases.Leases;
import com.cti.admin.oauth.DialpadAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, rotates and deletes apps' Dialpad webhooks, keeping three things in step: the
 * webhook at Dialpad, its row (secrets encrypted) and the secrets ingest verifies with
 * (published on Kafka after the commit, acknowledged before the call answers). A use case
 * claims the app's set-up (a lease, so concurrent changes of one app run one after the
 * other), calls Dialpad outside any transaction, then records the outcome in a short
 * transaction that also owes ingest the secrets (the outbox). A failure at Dialpad leaves
 * no row and publishes nothing; a webhook made at Dialpad but not recorded (the service
 * stopped in between) is adopted by the next call, which finds it by the app's hook URL.
 */
@Service
public class WebhookService {

	private static final Logger logger = LoggerFactory.getLogger(WebhookService.class);

	private static final SecureRandom random = new SecureRandom();

	private final WebhookRepository repository;

	private final WebhookSecretsPublisher publisher;

	private final HookUrls hookUrls;

	private final DialpadClient dialpad;

	private final DialpadAccess access;

	private final DialpadProperties properties;

	private final SecretCipher cipher;

	private final KnownApps apps;

	private final TransactionTemplate transactions;

	// microseconds, as PostgreSQL keeps them: what is published equals what is stored
	private final Clock clock;

	WebhookService(WebhookRepository repository, WebhookSecretsPublisher publisher, HookUrls hookUrls,
			DialpadClient dialpad, DialpadAccess access, DialpadProperties properties, SecretCipher cipher,
			KnownApps apps, PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.publisher = publisher;
		this.hookUrls = hookUrls;
		this.dialpad = dialpad;
		this.access = access;
		this.properties = properties;
		this.cipher = cipher;
		this.apps = apps;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = Clock.tick(clock, Duration.ofNanos(1000));
	}

	/**
	 * Gives the app its webhook at Dialpad, or returns the one it has: a second call
	 * creates nothing (it re-publishes the secrets, which heals an ingest that lost
	 * them).
	 */
	public WebhookOutcome create(UUID appId, SecretChoice choice) {
		this.apps.requireEnabled(appId);
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			WebhookOutcome outcome = createClaimed(appId, choice);
			this.publisher.publish(appId);
			return outcome;
		}
	}

	private WebhookOutcome createClaimed(UUID appId, SecretChoice choice) {
		DialpadCredentials credentials = this.access.credentialsFor(appId);
		Optional<StoredWebhook> existing = this.repository.findLive(appId);
		if (existing.isPresent() && this.dialpad.webhookExists(credentials, existing.get().dialpadWebhookId())) {
			inTransaction(() -> this.publisher.owe(appId));
			return new WebhookOutcome(existing.get().view(this.clock.instant()), false, false);
		}
		String hookUrl = this.hookUrls.forApp(appId);
		String secret = secretFor(choice);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		var draft = new StoredWebhook(id, appId, 0, hookUrl, secret != null, choice.source(), null, null, null, now,
				now);
		byte[] encrypted = (secret != null) ? this.cipher.encrypt(secret, draft.secretContext()) : null;
		Adopted adopted = adoptOrCreate(credentials, hookUrl, secret);
		var stored = new StoredWebhook(id, appId, adopted.webhook().id(), hookUrl, secret != null, choice.source(),
				encrypted, null, null, now, now);
		inTransaction(() -> {
			// deleted at Dialpad behind our back: forget it, the new one replaces it
			existing.ifPresent((lost) -> this.repository.markDeleted(lost.id()));
			this.repository.insert(stored);
			this.publisher.owe(appId);
		});
		return new WebhookOutcome(stored.view(now), true, adopted.adopted());
	}

	/**
	 * Gives the webhook a new secret at Dialpad. Ingest learns the new secret before
	 * Dialpad starts signing with it (the new secrets are committed and published first),
	 * and keeps accepting the old one for the grace period (null:
	 * {@code cti.dialpad.secret-rotation-grace}; zero: the old one stops at once). When
	 * Kafka or Dialpad fails, the old secrets are put back and published again.
	 */
	public WebhookView rotate(long dialpadWebhookId, SecretChoice choice, @Nullable Duration requestedGrace) {
		Duration grace = (requestedGrace != null) ? requestedGrace : this.properties.secretRotationGrace();
		UUID appId = liveWebhook(dialpadWebhookId).appId();
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			StoredWebhook webhook = liveWebhook(dialpadWebhookId);
			if (!webhook.signed()) {
				throw ProvisioningProblems.conflict("webhook-unsigned", "Webhook is unsigned",
						"Webhook " + dialpadWebhookId + " was created without a secret, so there is none to rotate; "
								+ "delete it and create it again signed");
			}
			String secret = secretFor(choice);
			String previous = this.cipher.decrypt(webhook.secretEncrypted(), webhook.secretContext());
			if (previous.equals(secret)) {
				throw ProvisioningProblems.conflict("same-secret", "Same secret",
						"The webhook already uses DIALPAD_WEBHOOK_SECRET; nothing to rotate");
			}
			DialpadCredentials credentials = this.access.credentialsFor(appId);
			Instant now = this.clock.instant();
			boolean keepPrevious = !grace.isZero();
			updateSecrets(webhook, choice.source(), this.cipher.encrypt(secret, webhook.secretContext()),
					keepPrevious ? this.cipher.encrypt(previous, webhook.previousSecretContext()) : null,
					keepPrevious ? now.plus(grace) : null);
			try {
				this.publisher.publish(appId);
				this.dialpad.updateWebhook(credentials, dialpadWebhookId, null, secret);
			}
			catch (RuntimeException ex) {
				updateSecrets(webhook, webhook.secretSource(), webhook.secretEncrypted(),
						webhook.previousSecretEncrypted(), webhook.previousSecretExpiresAt());
				this.publisher.publishQuietly(appId);
				throw ex;
			}
			return liveWebhook(dialpadWebhookId).view(now);
		}
	}

	/**
	 * Deletes the webhook at Dialpad with the subscriptions that deliver to it, then
	 * here, then at ingest (tombstone).
	 */
	public void delete(long dialpadWebhookId) {
		UUID appId = liveWebhook(dialpadWebhookId).appId();
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			StoredWebhook webhook = liveWebhook(dialpadWebhookId);
			DialpadCredentials credentials = this.access.credentialsFor(appId);
			for (String type : List.of("call", "sms")) {
				subscriptionsAt(credentials, type).stream()
					.filter((subscription) -> Long.valueOf(dialpadWebhookId).equals(subscription.webhookId()))
					.forEach((subscription) -> this.dialpad.deleteSubscription(credentials, type, subscription.id()));
			}
			this.dialpad.deleteWebhook(credentials, dialpadWebhookId);
			inTransaction(() -> {
				this.repository.markDeleted(webhook.id());
				this.publisher.owe(appId);
			});
			this.publisher.publish(appId);
		}
	}

	/** The app's live webhook, if it has one. */
	public Optional<AppWebhook> liveWebhook(UUID appId) {
		return this.repository.findLive(appId)
			.map((webhook) -> new AppWebhook(webhook.id(), webhook.appId(), webhook.dialpadWebhookId()));
	}

	/** The webhook here and, when it still exists, at Dialpad. */
	public WebhookDetails details(long dialpadWebhookId) {
		StoredWebhook webhook = liveWebhook(dialpadWebhookId);
		Optional<DialpadWebhook> atDialpad = this.dialpad.findWebhook(this.access.credentialsFor(webhook.appId()),
				dialpadWebhookId);
		return WebhookDetails.of(webhook.view(this.clock.instant()), atDialpad.orElse(null));
	}

	public List<WebhookView> list(@Nullable UUID appId) {
		Instant now = this.clock.instant();
		return this.repository.findAllLive(appId).stream().map((webhook) -> webhook.view(now)).toList();
	}

	private StoredWebhook liveWebhook(long dialpadWebhookId) {
		return this.repository.findLiveByDialpadId(dialpadWebhookId)
			.orElseThrow(() -> ProvisioningProblems.notFound("webhook-not-found", "Webhook not found",
					"No app has a webhook with Dialpad id " + dialpadWebhookId));
	}

	private List<DialpadSubscription> subscriptionsAt(DialpadCredentials credentials, String type) {
		try {
			return this.dialpad.listSubscriptions(credentials, type);
		}
		catch (DialpadException ex) {
			if (DialpadClient.isUnsupported(ex)) {
				logger.warn("Dialpad cannot list {} subscriptions ({}); deleting the webhook alone", type,
						ex.dialpadStatus());
				return List.of();
			}
			throw ex;
		}
	}

	private Adopted adoptOrCreate(DialpadCredentials credentials, String hookUrl, @Nullable String secret) {
		Optional<DialpadWebhook> orphan = webhooksAt(credentials).stream()
			.filter((webhook) -> hookUrl.equals(webhook.hookUrl()) && webhook.id() != null)
			.findFirst();
		if (orphan.isPresent()) {
			if (secret != null) {
				return new Adopted(this.dialpad.updateWebhook(credentials, orphan.get().id(), null, secret), true);
			}
			if (!orphan.get().signed()) {
				return new Adopted(orphan.get(), true);
			}
			// Dialpad cannot remove a webhook's secret: replace the webhook
			this.dialpad.deleteWebhook(credentials, orphan.get().id());
		}
		return new Adopted(this.dialpad.createWebhook(credentials, hookUrl, secret), false);
	}

	/** Dialpad's webhooks; none when Dialpad cannot list them (nothing to adopt then). */
	private List<DialpadWebhook> webhooksAt(DialpadCredentials credentials) {
		try {
			return this.dialpad.listWebhooks(credentials);
		}
		catch (DialpadException ex) {
			if (DialpadClient.isUnsupported(ex)) {
				logger.warn("Dialpad cannot list webhooks ({}); creating without looking for one to adopt",
						ex.dialpadStatus());
				return List.of();
			}
			throw ex;
		}
	}

	private @Nullable String secretFor(SecretChoice choice) {
		return switch (choice) {
			case NONE -> null;
			case GLOBAL -> {
				String global = this.properties.webhookSecretOrNull();
				if (global == null) {
					throw ProvisioningProblems.badRequest("global-secret-missing", "No global secret",
							"use_global_secret=true asks for DIALPAD_WEBHOOK_SECRET, which is not set");
				}
				yield global;
			}
			case GENERATED -> {
				byte[] bytes = new byte[32];
				random.nextBytes(bytes);
				yield Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			}
		};
	}

	private void updateSecrets(StoredWebhook webhook, String source, byte[] secret, byte @Nullable [] previous,
			@Nullable Instant previousExpiresAt) {
		inTransaction(() -> {
			this.repository.updateSecrets(webhook.id(), source, secret, previous, previousExpiresAt);
			this.publisher.owe(webhook.appId());
		});
	}

	private void inTransaction(Runnable writes) {
		this.transactions.executeWithoutResult((status) -> writes.run());
	}

	/**
	 * What {@link #create} did.
	 *
	 * @param webhook the app's webhook
	 * @param created whether this call made it (false: the app already had it)
	 * @param adopted whether an existing Dialpad webhook with the app's hook URL was
	 * taken over rather than a new one created
	 */
	public record WebhookOutcome(WebhookView webhook, boolean created, boolean adopted) {
	}

	/**
	 * An app's live webhook, for the features that point subscriptions at it.
	 *
	 * @param id the row id
	 * @param appId the app
	 * @param dialpadWebhookId Dialpad's id, the {@code endpoint_id} of subscriptions
	 */
	public record AppWebhook(UUID id, UUID appId, long dialpadWebhookId) {
	}

	private record Adopted(DialpadWebhook webhook, boolean adopted) {
	}

}
