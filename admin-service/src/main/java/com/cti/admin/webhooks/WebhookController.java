package com.cti.admin.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.cti.admin.dialpad.ProvisioningProblems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's Dialpad webhook: create it ({@code POST /internal/webhooks/create}), list,
 * show, rotate its secret, delete.
 */
@RestController
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	// 200 both times, created or found: admin clients of this endpoint read "created"
	// rather than the status
	@PostMapping("/internal/webhooks/create")
	WebhookCreated create(@RequestParam("app_id") UUID appId,
			@RequestParam(name = "use_global_secret", defaultValue = "false") boolean useGlobalSecret,
			@RequestParam(name = "signed", defaultValue = "true") boolean signed) {
		if (!signed && useGlobalSecret) {
			throw ProvisioningProblems.badRequest("conflicting-parameters", "Conflicting parameters",
					"signed=false and use_global_secret=true contradict each other");
		}
		WebhookService.WebhookOutcome outcome = this.webhooks.create(appId, SecretChoice.of(signed, useGlobalSecret));
		return WebhookCreated.of(outcome);
	}

	@GetMapping("/internal/webhooks")
	List<WebhookView> list(@RequestParam(name = "app_id", required = false) @Nullable UUID appId) {
		return this.webhooks.list(appId);
	}

	@GetMapping("/internal/webhooks/{webhookId}")
	WebhookDetails get(@PathVariable long webhookId) {
		return this.webhooks.details(webhookId);
	}

	@PostMapping("/internal/webhooks/{webhookId}/rotate-secret")
	WebhookView rotate(@PathVariable long webhookId,
			@RequestParam(name = "grace_seconds", required = false) @Nullable @Min(0) @Max(604800) Long graceSeconds,
			@RequestParam(name = "use_global_secret", defaultValue = "false") boolean useGlobalSecret) {
		Duration grace = (graceSeconds != null) ? Duration.ofSeconds(graceSeconds) : null;
		return this.webhooks.rotate(webhookId, useGlobalSecret ? SecretChoice.GLOBAL : SecretChoice.GENERATED, grace);
	}

	@DeleteMapping("/internal/webhooks/{webhookId}")
	ResponseEntity<Void> delete(@PathVariable long webhookId) {
		this.webhooks.delete(webhookId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The answer to {@code POST /internal/webhooks/create}: the webhook's details and
	 * what to do next.
	 */
	record WebhookCreated(boolean success, long webhookId, UUID appId, String hookUrl, boolean signed,
			String secretSource, boolean created, String message, String nextStep) {

		static WebhookCreated of(WebhookService.WebhookOutcome outcome) {
			WebhookView webhook = outcome.webhook();
			String message = !outcome.created() ? "The app already has this webhook at Dialpad; nothing was created."
					: (outcome.adopted() ? "Dialpad already had a webhook for this app's URL; it is now the app's."
							: "Webhook created at Dialpad.") + " Dialpad will deliver the app's events to "
							+ webhook.hookUrl()
							+ (webhook.signed() ? ", signed with the app's own secret." : ", unsigned.");
			String nextStep = "Subscribe the webhook to events: POST /internal/subscriptions/call and "
					+ "POST /internal/subscriptions/sms with app_id=" + webhook.appId() + " (or POST /internal/apps/"
					+ webhook.appId() + "/setup, which does every step).";
			return new WebhookCreated(true, webhook.webhookId(), webhook.appId(), webhook.hookUrl(), webhook.signed(),
					webhook.secretSource(), outcome.created(), message, nextStep);
		}

	}

}
