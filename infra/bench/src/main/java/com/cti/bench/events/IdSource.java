package com.cti.bench.events;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh Dialpad-like ids (16 digits), unique within a run and unlikely to repeat across
 * runs (each run starts in its own block of a trillion ids), and distinct lifecycle start
 * times.
 */
public final class IdSource {

	private static final long FIRST = 7_100_000_000_000_000L;

	private static final long BLOCK = 1_000_000_000_000L;

	private final AtomicLong next;

	private final AtomicLong lastStart = new AtomicLong();

	public IdSource(long start) {
		this.next = new AtomicLong(start);
	}

	/** A source whose block depends on the current time. */
	public static IdSource forRun() {
		long block = (System.currentTimeMillis() / 1000) % 800;
		return new IdSource(FIRST + block * BLOCK);
	}

	public long next() {
		return this.next.getAndIncrement();
	}

	/**
	 * The start time of a new lifecycle: now, or a millisecond after the previous start
	 * when that was not earlier. Events without ids (agent status, change log) differ
	 * only by their times, so no two lifecycles may start in the same millisecond.
	 */
	public long startMillis(long now) {
		return this.lastStart.accumulateAndGet(now, (last, clock) -> Math.max(clock, last + 1));
	}

}
