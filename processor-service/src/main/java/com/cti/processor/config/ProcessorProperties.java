package com.cti.processor.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event consumer ({@code cti.processor.*}; each also settable as an
 * environment variable, e.g. {@code CTI_PROCESSOR_CONCURRENCY}).
 *
 * @param groupId the Kafka consumer group shared by every processor instance
 * @param consume false to start without consuming (the rebuild command does)
 * @param concurrency consumers (threads) per instance; partitions are shared among them
 * @param maxPollRecords the most events applied in one batch (one transaction)
 * @param retryInitialInterval the first wait before a failed batch (the database down) is
 * tried again; the wait doubles on every failure
 * @param retryMaxInterval the longest wait between tries; a failed batch is tried for
 * ever, never skipped
 * @param changeEventsRetention how long change-feed rows are kept; keep it above the
 * query service's stream resume window ({@code CTI_QUERY_STREAM_RETENTION}, 24 h)
 * @param changeEventsCleanupInterval how often rows past the retention are deleted
 */
@ConfigurationProperties("cti.processor")
@Validated
public record ProcessorProperties(@DefaultValue("cti-processor") @NotBlank String groupId,
		@DefaultValue("true") boolean consume, @DefaultValue("1") @Min(1) int concurrency,
		@DefaultValue("1000") @Min(1) int maxPollRecords, @DefaultValue("200ms") @NotNull Duration retryInitialInterval,
		@DefaultValue("10s") @NotNull Duration retryMaxInterval,
		@DefaultValue("48h") @NotNull Duration changeEventsRetention,
		@DefaultValue("10m") @NotNull Duration changeEventsCleanupInterval) {
}
