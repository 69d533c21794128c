package com.cti.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateSearchTests {

	private static final Duration PROBE = Duration.ofSeconds(10);

	private static final Duration CONFIRM = Duration.ofSeconds(60);

	@Test
	void findsTheHighestSustainedRateAndConfirmsItAtFullLength() {
		List<Double> probed = new ArrayList<>();
		var search = new RateSearch((rate, duration) -> {
			probed.add(rate);
			return result(rate, duration, (rate <= 3_000) ? 10 : 40);
		}, (result) -> result.sustained(Duration.ofMillis(25)), PROBE, CONFIRM);
		RateSearch.Outcome outcome = search.search(500, 50_000);
		assertThat(outcome.best()).isNotNull();
		assertThat(outcome.best().rate()).isBetween(2_500.0, 3_000.0);
		assertThat(outcome.best().confirmation()).isTrue();
		assertThat(outcome.best().result().duration()).isEqualTo(CONFIRM);
		assertThat(probed).startsWith(500.0, 750.0, 1_125.0);
		assertThat(outcome.steps()).filteredOn(RateSearch.Step::confirmation).hasSize(1);
	}

	@Test
	void stepsDownWhenTheConfirmationFails() {
		// short probes pass up to 4,000/s, but only 3,000/s holds for the full length
		var search = new RateSearch(
				(rate, duration) -> result(rate, duration,
						(rate <= ((duration.equals(CONFIRM)) ? 3_000 : 4_000)) ? 10 : 40),
				(result) -> result.sustained(Duration.ofMillis(25)), PROBE, CONFIRM);
		RateSearch.Outcome outcome = search.search(1_000, 50_000);
		assertThat(outcome.best().rate()).isLessThanOrEqualTo(3_000);
		assertThat(outcome.steps()).filteredOn(RateSearch.Step::confirmation).hasSizeGreaterThan(1);
	}

	@Test
	void reportsNothingWhenNoRateIsSustained() {
		var search = new RateSearch((rate, duration) -> result(rate, duration, 100),
				(result) -> result.sustained(Duration.ofMillis(25)), PROBE, CONFIRM);
		RateSearch.Outcome outcome = search.search(500, 50_000);
		assertThat(outcome.best()).isNull();
		assertThat(outcome.steps()).isNotEmpty();
	}

	@Test
	void goesBelowTheStartWhenTheStartFails() {
		var search = new RateSearch((rate, duration) -> result(rate, duration, (rate <= 100) ? 5 : 50),
				(result) -> result.sustained(Duration.ofMillis(25)), PROBE, CONFIRM);
		assertThat(search.search(500, 50_000).best().rate()).isBetween(75.0, 100.0);
	}

	private static LoadResult result(double rate, Duration duration, long p99Millis) {
		var histogram = new Histogram(3_600_000_000L, 3);
		histogram.recordValueWithCount(1_000, 98);
		histogram.recordValueWithCount(p99Millis * 1000, 2);
		return new LoadResult(rate, duration, 100, 0, 0, Map.of(), histogram);
	}

}
