package com.cti.admin.dialpad;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How the admin service talks to Dialpad.
 *
 * @param apiBaseUrl where Dialpad's API and OAuth endpoints are
 * ({@code DIALPAD_API_BASE_URL}; the sandbox is {@code https://sandbox.dialpad.com})
 * @param apiKey the company API key used for apps without an OAuth token of their own
 * ({@code DIALPAD_API_KEY})
 * @param webhookSecret the global webhook secret, used for an app's webhook only when the
 * operator asks for it ({@code DIALPAD_WEBHOOK_SECRET})
 * @param connectTimeout how long to wait for a connection to Dialpad
 * @param readTimeout how long to wait for Dialpad's answer to one request
 * @param secretRotationGrace how long the previous webhook secret stays valid at ingest
 * after a rotation, unless the call says otherwise
 * @param retry retries of failed requests
 * @param oauth the OAuth app of apps that connect their Dialpad company
 */
@Validated
@ConfigurationProperties("cti.dialpad")
public record DialpadProperties(@DefaultValue("https://dialpad.com") @NotNull URI apiBaseUrl, @Nullable String apiKey,
		@Nullable String webhookSecret, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("1h") Duration secretRotationGrace,
		@DefaultValue @Valid Retry retry, @DefaultValue @Valid OAuth oauth) {

	/** The company API key, or null when none is set. */
	public @Nullable String apiKeyOrNull() {
		return StringUtils.hasText(this.apiKey) ? this.apiKey.strip() : null;
	}

	/** The global webhook secret, or null when none is set. */
	public @Nullable String webhookSecretOrNull() {
		return StringUtils.hasText(this.webhookSecret) ? this.webhookSecret : null;
	}

	/**
	 * Retries of requests that failed with 429, 5xx or an I/O error.
	 *
	 * @param maxRetries retries after the first attempt
	 * @param initialBackoff the first wait, doubled for each further retry
	 * @param maxBackoff the longest wait between two attempts without Retry-After
	 * @param maxRetryAfter the longest {@code Retry-After} that is waited for; a longer
	 * one ends the retries at once (the caller gets 503 with that {@code Retry-After})
	 */
	public record Retry(@DefaultValue("3") @Min(0) @Max(10) int maxRetries,
			@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("8s") Duration maxBackoff,
			@DefaultValue("10s") Duration maxRetryAfter) {
	}

	/**
	 * The Dialpad OAuth app.
	 *
	 * @param clientId {@code DIALPAD_CLIENT_ID}
	 * @param clientSecret {@code DIALPAD_CLIENT_SECRET}
	 * @param redirectUri {@code DIALPAD_PROD_REDIRECT_URI}, the callback registered with
	 * Dialpad; its path is where this service answers the callback (default
	 * {@code <PUBLIC_BASE_URL>/oauth/dialpad/callback})
	 * @param scopes the scopes asked for, space-separated
	 * @param stateTtl how long an authorization started here may take to come back
	 * @param refreshBeforeExpiry how long before its expiry an access token is refreshed
	 */
	public record OAuth(@Nullable String clientId, @Nullable String clientSecret, @Nullable String redirectUri,
			@DefaultValue("offline_access calls:list recordings_export message_content_export") String scopes,
			@DefaultValue("10m") Duration stateTtl, @DefaultValue("5m") Duration refreshBeforeExpiry) {

		/** Whether client id and secret are both set. */
		public boolean configured() {
			return StringUtils.hasText(this.clientId) && StringUtils.hasText(this.clientSecret);
		}

	}

}
