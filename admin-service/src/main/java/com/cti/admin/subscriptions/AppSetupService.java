package com.cti.admin.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.cti.admin.webhooks.SecretChoice;
import com.cti.admin.webhooks.WebhookService;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The Dialpad side of an app's set-up in one call: its webhook, then a call and an SMS
 * subscription of it. Each step stands on its own (what was done stays done when a later
 * step fails) and finds what an earlier run made, so the call is safe to repeat.
 */
@Service
class AppSetupService {

	private final WebhookService webhooks;

	private final SubscriptionService subscriptions;

	AppSetupService(WebhookService webhooks, SubscriptionService subscriptions) {
		this.webhooks = webhooks;
		this.subscriptions = subscriptions;
	}

	AppSetup setUp(UUID appId, SecretChoice secret, boolean sms) {
		List<AppSetup.Step> steps = new ArrayList<>();
		WebhookService.WebhookOutcome webhook = step(steps, "webhook", () -> this.webhooks.create(appId, secret));
		steps.add(
				new AppSetup.Step("webhook", webhook.created() ? (webhook.adopted() ? "adopted" : "created") : "exists",
						webhook.webhook().webhookId(), webhook.webhook().hookUrl()));
		SubscriptionService.Ensured call = step(steps, "call_subscription", () -> this.subscriptions.ensure(appId,
				SubscriptionType.CALL, SubscriptionSettings.call(null, null, null, null)));
		steps.add(subscriptionStep("call_subscription", call));
		if (sms) {
			SubscriptionService.Ensured text = step(steps, "sms_subscription", () -> this.subscriptions.ensure(appId,
					SubscriptionType.SMS, SubscriptionSettings.sms(null, null, null, null, null)));
			steps.add(subscriptionStep("sms_subscription", text));
		}
		else {
			steps.add(new AppSetup.Step("sms_subscription", "skipped", null, "sms=false"));
		}
		return new AppSetup(true, appId, webhook.webhook().webhookId(), webhook.webhook().hookUrl(), steps,
				"Dialpad delivers the app's call" + (sms ? " and SMS" : "") + " events to "
						+ webhook.webhook().hookUrl() + ".",
				"Read them with the app's API key: GET /api/calls (header x-app-api-key).");
	}

	private static AppSetup.Step subscriptionStep(String name, SubscriptionService.Ensured ensured) {
		return new AppSetup.Step(name, ensured.created() ? "created" : "exists",
				ensured.subscription().subscriptionId(), null);
	}

	/**
	 * Runs a step; when it fails, its problem lists the steps done and the one that
	 * failed.
	 */
	private static <T> T step(List<AppSetup.Step> done, String name, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ErrorResponseException ex) {
			List<AppSetup.Step> steps = new ArrayList<>(done);
			steps.add(new AppSetup.Step(name, "failed", null, ex.getBody().getDetail()));
			ex.getBody().setProperty("steps", steps);
			ex.getBody().setDetail("Set-up stopped at " + name + ": " + ex.getBody().getDetail());
			throw ex;
		}
	}

	/**
	 * The outcome of setting an app up.
	 *
	 * @param success always true (a failure is a problem)
	 * @param appId the app
	 * @param webhookId Dialpad's id of its webhook
	 * @param hookUrl where Dialpad delivers
	 * @param steps what each step did
	 * @param message a summary
	 * @param nextStep what to do next
	 */
	record AppSetup(boolean success, UUID appId, long webhookId, String hookUrl, List<Step> steps, String message,
			String nextStep) {

		/**
		 * One step: {@code created}, {@code adopted}, {@code exists}, {@code skipped} or
		 * {@code failed}.
		 *
		 * @param step its name
		 * @param status what it did
		 * @param id Dialpad's id of what it made or found
		 * @param detail more about it
		 */
		record Step(String step, String status, @Nullable Long id, @Nullable String detail) {
		}

	}

}
