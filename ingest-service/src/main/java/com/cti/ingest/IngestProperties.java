package com.cti.ingest;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the webhook intake.
 *
 * @param webhookSecret the secret Dialpad signs events with
 * ({@code DIALPAD_WEBHOOK_SECRET})
 * @param defaultAppId the app that events posted to {@code /webhooks/dialpad} belong to
 * ({@code DEFAULT_APP_ID})
 * @param maxBodySize the largest body accepted (413 above it)
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat} when a token
 * carries them
 * @param publishTimeout how long a request waits for Kafka's acknowledgement
 * @param replayWindow how far a token's {@code iat} may lie in the past, and its
 * payload's {@code event_timestamp} in the past or the future
 * ({@code CTI_INGEST_REPLAY_WINDOW}, 24h: Dialpad retries SMS for about 4 hours)
 * @param acceptUnregisteredApps whether {@code DIALPAD_WEBHOOK_SECRET} verifies events
 * posted to {@code /webhooks/dialpad/{app}} for an app that has no record on the secrets
 * topic ({@code CTI_INGEST_ACCEPT_UNREGISTERED_APPS}, on so that a deployment on the
 * shared secret alone keeps working; off, such apps get 401 {@code app-not-registered})
 * @param bodyReadTimeout the longest a request body may take to arrive (408 after it)
 */
@Validated
@ConfigurationProperties("cti.ingest")
public record IngestProperties(@NotBlank(message = "DIALPAD_WEBHOOK_SECRET must be set") String webhookSecret,
		@Nullable String defaultAppId, @DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue("60s") Duration clockSkew, @DefaultValue("3s") Duration publishTimeout,
		@DefaultValue("24h") Duration replayWindow, @DefaultValue("true") boolean acceptUnregisteredApps,
		@DefaultValue("10s") Duration bodyReadTimeout) {
}
