package com.cti.admin.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed authentications per source address in a token bucket (Bucket4j): each
 * failure takes a token, the bucket refills over the period, and an address whose bucket
 * is empty is blocked until a token is back. Blocking applies to every request of the
 * address, right or wrong, so that guessing is slowed whatever the guess.
 */
class FailedAuthenticationLimiter {

	/** Above this many tracked addresses, idle ones are forgotten. */
	private static final int MAX_TRACKED = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int maxAttempts;

	private final Duration period;

	private final TimeMeter clock;

	FailedAuthenticationLimiter(int maxAttempts, Duration period, TimeMeter clock) {
		this.maxAttempts = maxAttempts;
		this.period = period;
		this.clock = clock;
	}

	/** How long the address must wait, or null when it is not blocked. */
	@Nullable Duration blockedFor(String address) {
		Bucket bucket = this.buckets.get(address);
		if (bucket == null) {
			return null;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/**
	 * Counts a failure of the address.
	 * @return true when this failure used up the address's allowance
	 */
	boolean recordFailure(String address) {
		if (this.buckets.size() >= MAX_TRACKED) {
			forgetIdle();
		}
		Bucket bucket = this.buckets.computeIfAbsent(address, (key) -> newBucket());
		bucket.tryConsume(1);
		return bucket.getAvailableTokens() == 0;
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.maxAttempts).refillGreedy(this.maxAttempts, this.period))
			.withCustomTimePrecision(this.clock)
			.build();
	}

	private void forgetIdle() {
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.maxAttempts);
		if (this.buckets.size() >= MAX_TRACKED) {
			// many addresses failing at once: start over rather than grow without bound
			this.buckets.clear();
		}
	}

}
