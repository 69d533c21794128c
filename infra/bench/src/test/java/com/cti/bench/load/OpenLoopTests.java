package com.cti.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTests {

	@Test
	void sendsEveryScheduledRequestAndMeasuresFastAnswersAsFast() {
		AtomicInteger calls = new AtomicInteger();
		LoadResult result = OpenLoop.run(200, Duration.ofMillis(500), 4, (lane) -> new FakeWorker(calls, 0, -1));
		assertThat(result.scheduled()).isEqualTo(100);
		assertThat(calls).hasValue(100);
		assertThat(result.failed()).isZero();
		assertThat(result.p99()).isLessThan(20);
	}

	@Test
	void chargesAStallToEveryRequestItHeldBack() {
		// one connection, 100/s: a 500 ms stall on the 10th request delays the ~50
		// requests due during it;
		// a closed-loop generator would have recorded one slow request and 99 fast ones
		LoadResult result = OpenLoop.run(100, Duration.ofSeconds(1), 1,
				(lane) -> new FakeWorker(new AtomicInteger(), 300, 10));
		assertThat(result.scheduled()).isEqualTo(100);
		assertThat(result.latencies().getCountBetweenValues(100_000, 400_000)).isGreaterThanOrEqualTo(15);
		assertThat(result.p99()).isGreaterThan(250);
		assertThat(result.p50()).isLessThan(50);
	}

	@Test
	void countsFailuresByLabel() {
		LoadResult result = OpenLoop.run(100, Duration.ofMillis(200), 2, (lane) -> new Worker<Long>() {

			@Override
			public Long prepare(long slot) {
				return slot;
			}

			@Override
			public String execute(Long slot, long scheduledNanos) {
				return (slot % 2 == 0) ? "http 503" : null;
			}

		});
		assertThat(result.scheduled()).isEqualTo(20);
		assertThat(result.failed()).isEqualTo(10);
		assertThat(result.failures()).containsEntry("http 503", 10L);
		assertThat(result.sustained(Duration.ofSeconds(1))).isFalse();
	}

	private static final class FakeWorker implements Worker<Long> {

		private final AtomicInteger calls;

		private final long stallMillis;

		private final long stallSlot;

		FakeWorker(AtomicInteger calls, long stallMillis, long stallSlot) {
			this.calls = calls;
			this.stallMillis = stallMillis;
			this.stallSlot = stallSlot;
		}

		@Override
		public Long prepare(long slot) {
			return slot;
		}

		@Override
		public String execute(Long slot, long scheduledNanos) throws InterruptedException {
			this.calls.incrementAndGet();
			if (slot == this.stallSlot) {
				Thread.sleep(this.stallMillis);
			}
			return null;
		}

	}

}
