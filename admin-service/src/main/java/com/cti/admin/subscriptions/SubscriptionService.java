package com.cti.admin.subscriptions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.cti.admin.dialpad.DialpadClient;
import com.cti.admin.dialpad.DialpadCredentials;
import com.cti.admin.dialpad.DialpadSubscription;
import com.cti.admin.dialpad.KnownApps;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.leases.Leases;
import com.cti.admin.oauth.DialpadAccess;
import com.cti.admin.webhooks.WebhookService;
import com.cti.admin.webhooks.WebhookService.AppWebhook;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points Dialpad's call and SMS event subscriptions at apps' webhooks and keeps a record
 * of them, reconciled on demand with Dialpad's own list (Dialpad is the truth: the record
 * follows it). A change claims the app's set-up (a lease: changes of one app run one
 * after the other), calls Dialpad outside any transaction, then records what Dialpad did.
 * A subscription made at Dialpad and not recorded (the service stopped in between) is
 * adopted by {@link #reconcile}.
 */
@Service
class SubscriptionService {

	private final SubscriptionRepository repository;

	private final WebhookService webhooks;

	private final DialpadClient dialpad;

	private final DialpadAccess access;

	private final KnownApps apps;

	private final TransactionTemplate transactions;

	SubscriptionService(SubscriptionRepository repository, WebhookService webhooks, DialpadClient dialpad,
			DialpadAccess access, KnownApps apps, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.webhooks = webhooks;
		this.dialpad = dialpad;
		this.access = access;
		this.apps = apps;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	SubscriptionView create(UUID appId, SubscriptionType type, SubscriptionSettings settings, boolean enabled) {
		this.apps.requireEnabled(appId);
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			AppWebhook webhook = requireWebhook(appId);
			DialpadSubscription created = this.dialpad.createSubscription(this.access.credentialsFor(appId),
					type.wireName(), settings.dialpadBody(webhook.dialpadWebhookId(), enabled));
			this.repository.save(appId, webhook.id(), created.id(), type, settings, enabled);
			return stored(type, created.id()).view();
		}
	}

	/**
	 * The app's subscription of this type if it has one that Dialpad still has, else a
	 * new one with these settings: what {@code setup} needs to be safe to repeat.
	 */
	Ensured ensure(UUID appId, SubscriptionType type, SubscriptionSettings settings) {
		this.apps.requireEnabled(appId);
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			AppWebhook webhook = requireWebhook(appId);
			DialpadCredentials credentials = this.access.credentialsFor(appId);
			for (StoredSubscription existing : this.repository.findAll(appId, type)) {
				if (existing.webhookId().equals(webhook.id())) {
					if (this.dialpad.subscriptionExists(credentials, type.wireName(),
							existing.dialpadSubscriptionId())) {
						return new Ensured(existing.view(), false);
					}
					this.repository.markDeleted(existing.id());
				}
			}
			DialpadSubscription created = this.dialpad.createSubscription(credentials, type.wireName(),
					settings.dialpadBody(webhook.dialpadWebhookId(), true));
			this.repository.save(appId, webhook.id(), created.id(), type, settings, true);
			return new Ensured(stored(type, created.id()).view(), true);
		}
	}

	List<SubscriptionView> list(@Nullable UUID appId, @Nullable SubscriptionType type) {
		if (appId != null) {
			this.apps.requireExisting(appId);
		}
		return this.repository.findAll(appId, type).stream().map(StoredSubscription::view).toList();
	}

	SubscriptionDetails details(SubscriptionType type, long id) {
		StoredSubscription subscription = stored(type, id);
		Optional<DialpadSubscription> atDialpad = this.dialpad
			.findSubscription(this.access.credentialsFor(subscription.appId()), type.wireName(), id);
		return SubscriptionDetails.of(subscription, atDialpad.orElse(null));
	}

	SubscriptionView update(SubscriptionType type, long id, SubscriptionChanges changes) {
		try (Leases.Lease setup = this.apps.claimDialpadSetup(stored(type, id).appId())) {
			StoredSubscription subscription = stored(type, id);
			SubscriptionSettings settings = subscription.settings().with(changes, type);
			boolean enabled = (changes.enabled() != null) ? changes.enabled() : subscription.enabled();
			this.dialpad.updateSubscription(this.access.credentialsFor(subscription.appId()), type.wireName(), id,
					settings.dialpadBody(subscription.dialpadWebhookId(), enabled));
			this.repository.update(subscription.id(), settings, enabled);
			return stored(type, id).view();
		}
	}

	void delete(SubscriptionType type, long id) {
		try (Leases.Lease setup = this.apps.claimDialpadSetup(stored(type, id).appId())) {
			StoredSubscription subscription = stored(type, id);
			this.dialpad.deleteSubscription(this.access.credentialsFor(subscription.appId()), type.wireName(), id);
			this.repository.markDeleted(subscription.id());
		}
	}

	/**
	 * Makes the record of the app's subscriptions match Dialpad's list: subscriptions at
	 * Dialpad that deliver to the app's webhook are adopted, recorded ones Dialpad no
	 * longer has are marked deleted, and recorded settings that differ take Dialpad's.
	 * With {@code dryRun} it only reports. Dialpad's lists are read first; the record
	 * changes in one short transaction after.
	 */
	ReconcileReport reconcile(UUID appId, boolean dryRun) {
		this.apps.requireExisting(appId);
		try (Leases.Lease setup = this.apps.claimDialpadSetup(appId)) {
			AppWebhook webhook = requireWebhook(appId);
			DialpadCredentials credentials = this.access.credentialsFor(appId);
			Map<SubscriptionType, Map<Long, DialpadSubscription>> atDialpad = new EnumMap<>(SubscriptionType.class);
			for (SubscriptionType type : SubscriptionType.values()) {
				atDialpad.put(type,
						this.dialpad.listSubscriptions(credentials, type.wireName())
							.stream()
							.filter((subscription) -> subscription.id() != null
									&& Long.valueOf(webhook.dialpadWebhookId()).equals(subscription.webhookId()))
							.collect(Collectors.toMap(DialpadSubscription::id, Function.identity(), (a, b) -> a)));
			}
			return this.transactions.execute((status) -> reconcile(webhook, atDialpad, dryRun));
		}
	}

	private ReconcileReport reconcile(AppWebhook webhook,
			Map<SubscriptionType, Map<Long, DialpadSubscription>> atDialpad, boolean dryRun) {
		var report = new ReconcileReport.Builder(webhook.appId(), webhook.dialpadWebhookId(), dryRun);
		atDialpad.forEach((type, remotes) -> {
			for (StoredSubscription stored : this.repository.findAll(webhook.appId(), type)) {
				DialpadSubscription remote = remotes.remove(stored.dialpadSubscriptionId());
				reconcileOne(stored, remote, type, dryRun, report);
			}
			for (DialpadSubscription remote : remotes.values()) {
				report.adopted(type, remote.id());
				if (!dryRun) {
					this.repository.save(webhook.appId(), webhook.id(), remote.id(), type,
							SubscriptionSettings.of(remote, type), !Boolean.FALSE.equals(remote.enabled()));
				}
			}
		});
		return report.build();
	}

	private void reconcileOne(StoredSubscription stored, @Nullable DialpadSubscription remote, SubscriptionType type,
			boolean dryRun, ReconcileReport.Builder report) {
		if (remote == null) {
			report.missingAtDialpad(type, stored.dialpadSubscriptionId());
			if (!dryRun) {
				this.repository.markDeleted(stored.id());
			}
			return;
		}
		SubscriptionSettings actual = SubscriptionSettings.of(remote, type);
		boolean enabled = !Boolean.FALSE.equals(remote.enabled());
		if (actual.sameAs(stored.settings()) && enabled == stored.enabled()) {
			report.inSync(type, stored.dialpadSubscriptionId());
			return;
		}
		report.updated(type, stored.dialpadSubscriptionId());
		if (!dryRun) {
			this.repository.update(stored.id(), actual, enabled);
		}
	}

	private AppWebhook requireWebhook(UUID appId) {
		return this.webhooks.liveWebhook(appId)
			.orElseThrow(() -> ProvisioningProblems.conflict("webhook-missing", "The app has no webhook",
					"App " + appId + " has no Dialpad webhook to subscribe: POST /internal/webhooks/create?app_id="
							+ appId + " first (or POST /internal/apps/" + appId + "/setup)"));
	}

	private StoredSubscription stored(SubscriptionType type, long id) {
		return this.repository.find(type, id)
			.orElseThrow(() -> ProvisioningProblems.notFound("subscription-not-found", "Subscription not found",
					"No " + type.wireName() + " subscription " + id
							+ " is recorded here (POST /internal/subscriptions/reconcile adopts ones made elsewhere)"));
	}

	/**
	 * What {@link #ensure} found or made.
	 *
	 * @param subscription the subscription
	 * @param created whether this call made it
	 */
	record Ensured(SubscriptionView subscription, boolean created) {
	}

}
