package com.cti.query.stream;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeWatermarkTests {

	private static final long MS = 1_000_000L;

	private final ChangeWatermark watermark = new ChangeWatermark(10, Duration.ofSeconds(10));

	@Test
	void movesOverContiguousIds() {
		assertThat(this.watermark.advance(List.of(11L, 12L, 13L), 100, 105, 0)).isEqualTo(13);
		assertThat(this.watermark.hasGaps()).isFalse();
	}

	@Test
	void stopsBeforeAGapWhileItsTransactionMayBeInProgress() {
		assertThat(this.watermark.advance(List.of(11L, 13L), 100, 105, 0)).isEqualTo(11);
		assertThat(this.watermark.hasGaps()).isTrue();
		// after the settle time it waits for every transaction below xmax 106 to end
		assertThat(this.watermark.advance(List.of(13L), 100, 106, 150 * MS)).isEqualTo(11);
		assertThat(this.watermark.advance(List.of(13L), 105, 108, 200 * MS)).isEqualTo(11);
	}

	@Test
	void takesTheGapWhenItsIdCommits() {
		this.watermark.advance(List.of(11L, 13L), 100, 105, 0);

		assertThat(this.watermark.advance(List.of(12L, 13L), 100, 105, 10 * MS)).isEqualTo(13);
		assertThat(this.watermark.hasGaps()).isFalse();
	}

	@Test
	void skipsAGapOnceEveryTransactionThatMayHoldItHasEnded() {
		this.watermark.advance(List.of(11L, 13L, 14L), 100, 105, 0);
		this.watermark.advance(List.of(13L, 14L), 100, 106, 150 * MS);

		assertThat(this.watermark.advance(List.of(13L, 14L), 106, 107, 170 * MS)).isEqualTo(14);
		assertThat(this.watermark.hasGaps()).isFalse();
	}

	@Test
	void doesNotSkipAGapBeforeItHasSettled() {
		this.watermark.advance(List.of(11L, 13L), 100, 105, 0);

		assertThat(this.watermark.advance(List.of(13L), 200, 201, 50 * MS)).isEqualTo(11);
	}

	@Test
	void skipsAGapAfterTheGapTimeoutWhateverRuns() {
		this.watermark.advance(List.of(11L, 13L), 100, 105, 0);
		this.watermark.advance(List.of(13L), 100, 105, 150 * MS);

		assertThat(this.watermark.advance(List.of(13L), 100, 105, 9_000 * MS)).isEqualTo(11);
		assertThat(this.watermark.advance(List.of(13L), 100, 105, 10_001 * MS)).isEqualTo(13);
	}

	@Test
	void watchesLaterGapsWhileBlockedByAnEarlierOne() {
		this.watermark.advance(List.of(11L, 13L, 15L), 100, 105, 0);
		this.watermark.advance(List.of(13L, 15L), 100, 106, 150 * MS);

		// both gaps settled at the same time and wait for the same transactions
		assertThat(this.watermark.advance(List.of(13L, 15L), 106, 107, 200 * MS)).isEqualTo(15);
	}

}
