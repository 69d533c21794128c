package com.cti.query.ratelimit;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) in this process: one per API key for every request, and one
 * per client address for requests with an invalid key, so that guessing keys is slow and
 * costs the database little. Idle buckets are forgotten (a forgotten bucket is full,
 * which is what an idle bucket would be anyway).
 */
@Component
public class RequestThrottle {

	private static final Duration IDLE = Duration.ofMinutes(10);

	private final RateLimitProperties properties;

	private final Cache<UUID, Bucket> keys = Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(100_000).build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.expireAfterAccess(IDLE)
		.maximumSize(100_000)
		.build();

	RequestThrottle(RateLimitProperties properties) {
		this.properties = properties;
	}

	/** Takes one request of the key's allowance. */
	public Throttle request(UUID keyId) {
		Bucket bucket = this.keys.get(keyId,
				(key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.properties.burst())
						.refillGreedy(this.properties.requestsPerSecond(), Duration.ofSeconds(1)))
					.build());
		return take(bucket, this.properties.burst());
	}

	/**
	 * The refusal when the address has used up its allowance of invalid keys, else null.
	 */
	public @Nullable Throttle refusedAddress(String address) {
		Bucket bucket = this.addresses.getIfPresent(address);
		if (bucket == null) {
			return null;
		}
		EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
		if (estimate.canBeConsumed()) {
			return null;
		}
		long wait = Math.max(1, seconds(estimate.getNanosToWaitForRefill()));
		return new Throttle(false, this.properties.invalidKeyBurst(), 0, wait, wait);
	}

	/** The address just presented an invalid key: takes one of its allowance. */
	public Throttle invalidKey(String address) {
		Bucket bucket = this.addresses.get(address,
				(key) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.properties.invalidKeyBurst())
						.refillGreedy(this.properties.invalidKeysPerMinute(), Duration.ofMinutes(1)))
					.build());
		return take(bucket, this.properties.invalidKeyBurst());
	}

	private static Throttle take(Bucket bucket, long capacity) {
		return toThrottle(bucket.tryConsumeAndReturnRemaining(1), capacity);
	}

	private static Throttle toThrottle(ConsumptionProbe probe, long capacity) {
		return new Throttle(probe.isConsumed(), capacity, probe.getRemainingTokens(),
				seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())));
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
