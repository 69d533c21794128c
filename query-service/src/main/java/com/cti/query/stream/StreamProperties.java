package com.cti.query.stream;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code GET /api/stream}.
 *
 * @param heartbeatInterval how often an idle stream gets a comment line so that proxies
 * keep it open ({@code CTI_QUERY_STREAM_HEARTBEAT_INTERVAL}, default 15s)
 * @param pollInterval how often changes are looked for without a notification: the
 * fallback when the LISTEN connection is down or a notification is lost
 * ({@code CTI_QUERY_STREAM_POLL_INTERVAL}, default 2s)
 * @param timeout how long one stream stays open before the server closes it and the
 * client reconnects with Last-Event-ID ({@code CTI_QUERY_STREAM_TIMEOUT}, default 30m)
 * @param retention how far back a stream can resume: a Last-Event-ID whose next change is
 * older gets a {@code reset} event instead of a replay
 * ({@code CTI_QUERY_STREAM_RETENTION}, default 24h)
 * @param gapTimeout the longest wait for a change id that a transaction still in progress
 * may hold before it is taken as rolled back ({@code CTI_QUERY_STREAM_GAP_TIMEOUT},
 * default 10s)
 * @param maxStreamsPerApp how many streams one app may hold open at once
 * ({@code CTI_QUERY_STREAM_MAX_STREAMS_PER_APP}, default 50)
 */
@Validated
@ConfigurationProperties("cti.query.stream")
public record StreamProperties(@DefaultValue("15s") @NotNull Duration heartbeatInterval,
		@DefaultValue("2s") @NotNull Duration pollInterval, @DefaultValue("30m") @NotNull Duration timeout,
		@DefaultValue("24h") @NotNull Duration retention, @DefaultValue("10s") @NotNull Duration gapTimeout,
		@DefaultValue("50") @Min(1) int maxStreamsPerApp) {
}
