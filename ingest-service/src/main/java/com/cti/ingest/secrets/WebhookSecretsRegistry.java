package com.cti.ingest.secrets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The per-app webhook secrets that the ingest service knows, kept in memory and fed by
 * {@link WebhookSecretsListener}. Apps without an entry have no webhook of their own: the
 * global {@code DIALPAD_WEBHOOK_SECRET} alone verifies their events.
 */
@Component
public class WebhookSecretsRegistry {

	private final Map<String, AppWebhook> webhooks = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	/** The app's own webhook, or null when it has none (or is unknown). */
	public @Nullable AppWebhook find(@Nullable String appId) {
		return (appId != null) ? this.webhooks.get(appId) : null;
	}

	/**
	 * Whether the secrets topic has been read up to its end at least once since start-up:
	 * until then a token that no known secret verifies may be signed with a secret not
	 * yet read, which is a transient fault (503), not a forgery.
	 */
	public boolean isLoaded() {
		return this.loaded;
	}

	/** How many apps have a webhook of their own. */
	public int size() {
		return this.webhooks.size();
	}

	void put(String appId, AppWebhook webhook) {
		this.webhooks.put(appId, webhook);
	}

	void remove(String appId) {
		this.webhooks.remove(appId);
	}

	void markLoaded() {
		this.loaded = true;
	}

}
