package com.cti.admin.backfill;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackfillRangeTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void endsNowWhenToIsMissing() {
		assertThat(BackfillRange.parse("2026-11-20", null, NOW))
			.isEqualTo(new BackfillRange(Instant.parse("2026-11-20T00:00:00Z"), NOW));
	}

	@Test
	void readsInstantsOffsetsDatesAndEpochMilliseconds() {
		assertThat(BackfillRange.parse("1795132800000", "2026-12-01T12:00:00+02:00", NOW))
			.isEqualTo(new BackfillRange(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-12-01T10:00:00Z")));
	}

	@Test
	void refusesAPeriodLongerThan31DaysEndingNow() {
		assertThat(BackfillRange.parse("2026-11-06T10:00:00Z", null, NOW).from())
			.isEqualTo(Instant.parse("2026-11-06T10:00:00Z"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> BackfillRange.parse("2026-11-06T09:59:59Z", null, NOW))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("at most 31 days"));
	}

	@Test
	void refusesAStartThatIsNotBeforeTheEnd() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> BackfillRange.parse("2026-12-08", null, NOW))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("from must be before to"));
	}

}
