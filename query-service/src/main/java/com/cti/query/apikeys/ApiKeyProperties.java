package com.cti.query.apikeys;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How API keys are checked.
 *
 * @param cacheTtl how long a key's lookup (valid or not) is reused without asking the
 * database: the longest a revocation or an app being disabled takes to reach this
 * instance ({@code CTI_QUERY_API_KEY_CACHE_TTL}, default 5s; 0 turns the cache off). The
 * end of a rotated key's grace period is exact whatever this is.
 * @param usageFlushInterval how often the keys' last use is written to
 * {@code api_key_usage}: at most one write per key per interval
 * ({@code CTI_QUERY_API_KEY_USAGE_FLUSH_INTERVAL}, default 1m)
 */
@Validated
@ConfigurationProperties("cti.query.api-key")
public record ApiKeyProperties(@DefaultValue("5s") @NotNull Duration cacheTtl,
		@DefaultValue("1m") @NotNull Duration usageFlushInterval) {
}
