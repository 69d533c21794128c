package com.cti.admin.security;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAuthenticationLimiterTests {

	private final ManualClock clock = new ManualClock();

	private final FailedAuthenticationLimiter limiter = new FailedAuthenticationLimiter(3, Duration.ofMinutes(1),
			this.clock);

	@Test
	void blocksAnAddressOnceItUsedUpItsFailures() {
		assertThat(this.limiter.recordFailure("10.0.0.1")).isFalse();
		assertThat(this.limiter.recordFailure("10.0.0.1")).isFalse();
		assertThat(this.limiter.blockedFor("10.0.0.1")).isNull();

		assertThat(this.limiter.recordFailure("10.0.0.1")).isTrue();

		assertThat(this.limiter.blockedFor("10.0.0.1")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void letsTheAddressTryAgainOnceATokenIsBack() {
		for (int i = 0; i < 3; i++) {
			this.limiter.recordFailure("10.0.0.1");
		}

		this.clock.advance(Duration.ofSeconds(20));

		assertThat(this.limiter.blockedFor("10.0.0.1")).isNull();
		assertThat(this.limiter.recordFailure("10.0.0.1")).isTrue();
		assertThat(this.limiter.blockedFor("10.0.0.1")).isNotNull();
	}

	@Test
	void keepsAddressesApart() {
		for (int i = 0; i < 3; i++) {
			this.limiter.recordFailure("10.0.0.1");
		}

		assertThat(this.limiter.blockedFor("10.0.0.2")).isNull();
		assertThat(this.limiter.recordFailure("10.0.0.2")).isFalse();
	}

	@Test
	void neverBlocksAnAddressWithoutFailures() {
		assertThat(this.limiter.blockedFor("10.0.0.3")).isNull();
	}

	static class ManualClock implements TimeMeter {

		private long nanos = 1_000_000_000L;

		void advance(Duration duration) {
			this.nanos += duration.toNanos();
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
