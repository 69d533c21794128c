package com.cti.query.ratelimit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the client API (token buckets).
 *
 * @param requestsPerSecond the sustained rate per API key
 * ({@code CTI_QUERY_RATE_LIMIT_REQUESTS_PER_SECOND}, default 20)
 * @param burst how many requests one key may make at once, after being idle
 * ({@code CTI_QUERY_RATE_LIMIT_BURST}, default 40)
 * @param invalidKeysPerMinute how many requests with an invalid key one client address
 * may make per minute, sustained ({@code CTI_QUERY_RATE_LIMIT_INVALID_KEYS_PER_MINUTE},
 * default 30)
 * @param invalidKeyBurst how many invalid keys one address may try at once
 * ({@code CTI_QUERY_RATE_LIMIT_INVALID_KEY_BURST}, default 20)
 */
@Validated
@ConfigurationProperties("cti.query.rate-limit")
public record RateLimitProperties(@DefaultValue("20") @Min(1) int requestsPerSecond,
		@DefaultValue("40") @Min(1) int burst, @DefaultValue("30") @Min(1) int invalidKeysPerMinute,
		@DefaultValue("20") @Min(1) int invalidKeyBurst) {
}
