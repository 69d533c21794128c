package com.cti.bench.load;

/**
 * When each request of an open-loop run is due: slot {@code k} is due at
 * {@code start + k / rate}, whatever happened to the slots before it.
 *
 * @param startNanos the {@link System#nanoTime()} of slot 0
 * @param ratePerSecond requests per second
 */
public record Schedule(long startNanos, double ratePerSecond) {

	public Schedule {
		if (!(ratePerSecond > 0)) {
			throw new IllegalArgumentException("the rate must be positive: " + ratePerSecond);
		}
	}

	/** The time slot {@code k} is due. */
	public long slotTime(long slot) {
		return this.startNanos + (long) (slot * 1_000_000_000.0 / this.ratePerSecond);
	}

	/** How many slots are due before {@code endNanos}. */
	public long slotsBefore(long endNanos) {
		if (endNanos <= this.startNanos) {
			return 0;
		}
		long slots = (long) Math.ceil((endNanos - this.startNanos) * this.ratePerSecond / 1_000_000_000.0);
		while (slots > 0 && slotTime(slots - 1) >= endNanos) {
			slots--;
		}
		while (slotTime(slots) < endNanos) {
			slots++;
		}
		return slots;
	}

}
