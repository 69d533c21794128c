package com.cti.query.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The position up to which the change log is settled: every change id at or below it is
 * either visible or will never be. Ids come from one sequence but commit in any order, so
 * a missing id (a gap) may belong to a transaction still in progress; the position stops
 * before a gap until the gap is known to be a rollback: every transaction that was in
 * progress a moment after the gap was first seen has ended (or the gap timeout passed).
 * Streams deliver only up to the position, in id order, which makes Last-Event-ID resume
 * exact.
 */
final class ChangeWatermark {

	/**
	 * How long a gap is watched before the transactions to wait for are taken: covers the
	 * instant between a transaction drawing an id and getting its transaction id.
	 */
	static final Duration SETTLE = Duration.ofMillis(100);

	private final long gapTimeoutNanos;

	private final TreeMap<Long, Gap> gaps = new TreeMap<>();

	private long position;

	ChangeWatermark(long position, Duration gapTimeout) {
		this.position = position;
		this.gapTimeoutNanos = gapTimeout.toNanos();
	}

	long position() {
		return this.position;
	}

	boolean hasGaps() {
		return !this.gaps.isEmpty();
	}

	/**
	 * Moves the position over the ids now visible above it.
	 * @param visible the visible ids above the position, ascending
	 * @param xmin the oldest transaction still in progress, of the same snapshot
	 * @param xmax the first transaction not yet started, of the same snapshot
	 * @param nanos the current {@link System#nanoTime()}
	 * @return the new position
	 */
	long advance(List<Long> visible, long xmin, long xmax, long nanos) {
		long next = this.position + 1;
		boolean blocked = false;
		for (long id : visible) {
			if (id > next) {
				Gap gap = gapAt(next, id - 1, nanos);
				if (gap.waitFor == null && nanos - gap.firstSeen >= SETTLE.toNanos()) {
					gap.waitFor = xmax;
				}
				boolean rolledBack = (gap.waitFor != null && xmin >= gap.waitFor)
						|| nanos - gap.firstSeen >= this.gapTimeoutNanos;
				blocked = blocked || !rolledBack;
			}
			if (!blocked) {
				this.position = id;
			}
			next = id + 1;
		}
		this.gaps.headMap(this.position, true).clear();
		return this.position;
	}

	/** The gap being watched that holds {@code start}, or a new one. */
	private Gap gapAt(long start, long end, long nanos) {
		Map.Entry<Long, Gap> known = this.gaps.floorEntry(start);
		if (known != null && known.getValue().end >= start) {
			return known.getValue();
		}
		Gap gap = new Gap(end, nanos);
		this.gaps.put(start, gap);
		return gap;
	}

	/** A range of missing ids and what it waits for. */
	private static final class Gap {

		final long end;

		final long firstSeen;

		@Nullable Long waitFor;

		Gap(long end, long firstSeen) {
			this.end = end;
			this.firstSeen = firstSeen;
		}

	}

}
