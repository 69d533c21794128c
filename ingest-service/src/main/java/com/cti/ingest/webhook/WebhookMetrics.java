package com.cti.ingest.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.cti.ingest.delivery.Delivery;
import com.cti.model.EventKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Counts webhooks accepted (by kind, app and where they were made durable), rejected (by
 * reason and app) and turned away for a transient fault (by reason). The app tag takes
 * the first {@value #MAX_APPS} well-formed app ids seen and {@code other} after them, so
 * that no URL can grow the number of time series without bound; a refused request carries
 * its app's id only once that app has had a webhook accepted.
 */
@Component
class WebhookMetrics {

	static final int MAX_APPS = 200;

	private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final MeterRegistry registry;

	private final Set<String> apps = ConcurrentHashMap.newKeySet();

	/**
	 * The reasons of a 503, each counter there from the start: an alert on any 503 to
	 * Dialpad sees the first one (a counter that appears at 1 shows no increase).
	 */
	static final List<String> UNAVAILABLE_REASONS = List.of("not-durable", "secrets-not-loaded", "internal-error");

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
		UNAVAILABLE_REASONS.forEach((reason) -> registry.counter("cti.ingest.webhooks.unavailable", "reason", reason));
	}

	void accepted(EventKind kind, @Nullable String appId, Delivery delivery) {
		this.registry
			.counter("cti.ingest.webhooks.accepted", "kind", kind.wireName(), "app", appTag(appId), "durable_in",
					delivery.name().toLowerCase(Locale.ROOT))
			.increment();
	}

	void rejected(String reason, @Nullable String appId) {
		this.registry.counter("cti.ingest.webhooks.rejected", "reason", reason, "app", knownAppTag(appId)).increment();
	}

	void unavailable(String reason) {
		this.registry.counter("cti.ingest.webhooks.unavailable", "reason", reason).increment();
	}

	/**
	 * A refused request names its app only when that app has had a webhook accepted, so
	 * that posting to made-up URLs cannot use up the {@value #MAX_APPS} app tags.
	 */
	private String knownAppTag(@Nullable String appId) {
		if (appId == null) {
			return "none";
		}
		return this.apps.contains(appId) ? appId : "other";
	}

	private String appTag(@Nullable String appId) {
		if (appId == null) {
			return "none";
		}
		if (!APP_ID.matcher(appId).matches()) {
			return "other";
		}
		if (this.apps.contains(appId) || (this.apps.size() < MAX_APPS && this.apps.add(appId))) {
			return appId;
		}
		return "other";
	}

}
