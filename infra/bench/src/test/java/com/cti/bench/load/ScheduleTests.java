package com.cti.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleTests {

	@Test
	void slotsAreDueAtFixedIntervalsFromTheStart() {
		var schedule = new Schedule(1_000, 1_000);
		assertThat(schedule.slotTime(0)).isEqualTo(1_000);
		assertThat(schedule.slotTime(1)).isEqualTo(1_001_000);
		assertThat(schedule.slotTime(1_000)).isEqualTo(1_000_001_000);
	}

	@Test
	void countsTheSlotsDueBeforeAnEnd() {
		var schedule = new Schedule(0, 300);
		assertThat(schedule.slotsBefore(1_000_000_000L)).isEqualTo(300);
		assertThat(schedule.slotsBefore(1)).isEqualTo(1);
		assertThat(schedule.slotsBefore(0)).isZero();
		assertThat(new Schedule(0, 7).slotsBefore(2_000_000_000L)).isEqualTo(14);
	}

	@Test
	void refusesANonPositiveRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(0, 0));
	}

}
