package com.cti.admin.subscriptions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dialpad call and SMS event subscriptions of apps' webhooks: create, list, show, change,
 * delete, and reconcile with Dialpad's own list. The app is named by {@code app_id} in
 * the body or the query.
 */
@RestController
class SubscriptionController {

	private final SubscriptionService subscriptions;

	SubscriptionController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping("/internal/subscriptions/call")
	ResponseEntity<SubscriptionView> createCall(@RequestParam(name = "app_id", required = false) @Nullable UUID appId,
			@RequestBody(required = false) @Nullable CallSubscriptionRequest request) {
		CallSubscriptionRequest body = (request != null) ? request
				: new CallSubscriptionRequest(null, null, null, null, null, null, null);
		refuseUnknown(body.unknown());
		SubscriptionSettings settings = SubscriptionSettings.call(body.callStates(), body.groupCallsOnly(),
				body.targetType(), body.targetId());
		return created(this.subscriptions.create(appId(appId, body.appId()), SubscriptionType.CALL, settings,
				!Boolean.FALSE.equals(body.enabled())));
	}

	@PostMapping("/internal/subscriptions/sms")
	ResponseEntity<SubscriptionView> createSms(@RequestParam(name = "app_id", required = false) @Nullable UUID appId,
			@RequestBody(required = false) @Nullable SmsSubscriptionRequest request) {
		SmsSubscriptionRequest body = (request != null) ? request
				: new SmsSubscriptionRequest(null, null, null, null, null, null, null, null);
		refuseUnknown(body.unknown());
		SubscriptionSettings settings = SubscriptionSettings.sms(body.direction(), body.includeInternal(),
				body.status(), body.targetType(), body.targetId());
		return created(this.subscriptions.create(appId(appId, body.appId()), SubscriptionType.SMS, settings,
				!Boolean.FALSE.equals(body.enabled())));
	}

	@GetMapping("/internal/subscriptions")
	List<SubscriptionView> list(@RequestParam(name = "app_id", required = false) @Nullable UUID appId,
			@RequestParam(name = "type", required = false) @Nullable String type) {
		SubscriptionType filter = null;
		if (type != null) {
			try {
				filter = SubscriptionType.fromPath(type);
			}
			catch (RuntimeException ex) {
				throw ProvisioningProblems.badRequest("subscription-type-unknown", "Unknown subscription type",
						"type must be call or sms");
			}
		}
		return this.subscriptions.list(appId, filter);
	}

	@GetMapping("/internal/subscriptions/{type}/{id}")
	SubscriptionDetails get(@PathVariable String type, @PathVariable long id) {
		return this.subscriptions.details(SubscriptionType.fromPath(type), id);
	}

	@PatchMapping("/internal/subscriptions/{type}/{id}")
	SubscriptionView update(@PathVariable String type, @PathVariable long id,
			@RequestBody SubscriptionChanges changes) {
		refuseUnknown(changes.unknown());
		return this.subscriptions.update(SubscriptionType.fromPath(type), id, changes);
	}

	@DeleteMapping("/internal/subscriptions/{type}/{id}")
	ResponseEntity<Void> delete(@PathVariable String type, @PathVariable long id) {
		this.subscriptions.delete(SubscriptionType.fromPath(type), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/internal/subscriptions/reconcile")
	ReconcileReport reconcile(@RequestParam("app_id") UUID appId,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) {
		return this.subscriptions.reconcile(appId, dryRun);
	}

	private static ResponseEntity<SubscriptionView> created(SubscriptionView view) {
		return ResponseEntity
			.created(URI.create("/internal/subscriptions/" + view.type() + "/" + view.subscriptionId()))
			.body(view);
	}

	static void refuseUnknown(@Nullable Map<String, Object> unknown) {
		if (unknown != null && !unknown.isEmpty()) {
			throw ProvisioningProblems.badRequest("unknown-fields", "Unknown fields",
					"This request does not take " + new java.util.TreeSet<>(unknown.keySet()));
		}
	}

	private static UUID appId(@Nullable UUID fromQuery, @Nullable UUID fromBody) {
		if (fromQuery != null && fromBody != null && !fromQuery.equals(fromBody)) {
			throw ProvisioningProblems.badRequest("conflicting-app-ids", "Two different apps",
					"app_id in the query and in the body differ");
		}
		UUID appId = (fromQuery != null) ? fromQuery : fromBody;
		if (appId == null) {
			throw ProvisioningProblems.badRequest("app-id-missing", "app_id missing",
					"Name the app: app_id in the body or in the query");
		}
		return appId;
	}

	/**
	 * A new call subscription; absent fields take their defaults (every call state a CTI
	 * client needs, the whole company, enabled).
	 */
	record CallSubscriptionRequest(@Nullable UUID appId, @Nullable List<String> callStates, @Nullable String targetType,
			@Nullable Long targetId, @Nullable Boolean groupCallsOnly, @Nullable Boolean enabled,
			@JsonAnySetter @Nullable Map<String, Object> unknown) {
	}

	/**
	 * A new SMS subscription; absent fields take their defaults (all directions, not
	 * internal, with delivery status, the whole company, enabled).
	 */
	record SmsSubscriptionRequest(@Nullable UUID appId, @Nullable String direction, @Nullable Boolean includeInternal,
			@Nullable Boolean status, @Nullable String targetType, @Nullable Long targetId, @Nullable Boolean enabled,
			@JsonAnySetter @Nullable Map<String, Object> unknown) {
	}

}
