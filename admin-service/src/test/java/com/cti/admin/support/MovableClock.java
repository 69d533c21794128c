package com.cti.admin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system's clock, moved ahead as far as a test says: lets an instance see a while
 * pass without the test waiting for it.
 */
public final class MovableClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	/** Runs the clock this much ahead of the system's from now on. */
	public void moveAhead(Duration by) {
		this.ahead = this.ahead.plus(by);
	}

	/** Back to the system's time. */
	public void reset() {
		this.ahead = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		if (!ZoneOffset.UTC.equals(zone)) {
			throw new UnsupportedOperationException("A movable clock stays in UTC");
		}
		return this;
	}

}
