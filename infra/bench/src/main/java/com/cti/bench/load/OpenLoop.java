package com.cti.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator in the manner of wrk2: a fixed number of connections, each
 * with its own thread, share a fixed-rate schedule (connection {@code i} owns slots
 * {@code i, i + n, i + 2n, ...}). Each request is sent at its scheduled time or, when its
 * connection is still busy, as soon as it is free; its latency is measured from the
 * scheduled time, so a slow answer is charged to every request it held back (no
 * coordinated omission).
 */
public final class OpenLoop {

	/** Latencies above one hour are clamped: a run never lasts that long. */
	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private OpenLoop() {
	}

	public static <T> LoadResult run(double rate, Duration duration, int connections, IntFunction<Worker<T>> workers) {
		long durationNanos = duration.toNanos();
		long grace = Math.max(Duration.ofSeconds(10).toNanos(), durationNanos / 2);
		List<Lane<T>> lanes = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			lanes.add(new Lane<>(i, connections, workers.apply(i)));
		}
		var schedule = new Schedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), rate);
		long end = schedule.startNanos() + durationNanos;
		List<Thread> threads = new ArrayList<>();
		for (Lane<T> lane : lanes) {
			Thread thread = new Thread(() -> lane.run(schedule, end, end + grace), "load-" + lane.index);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted during a load run", ex);
			}
		}
		var latencies = new Histogram(HIGHEST_MICROS, 3);
		Map<String, Long> failures = new HashMap<>();
		long scheduled = 0;
		long failed = 0;
		long unsent = 0;
		for (Lane<T> lane : lanes) {
			latencies.add(lane.latencies);
			lane.failures.forEach((label, count) -> failures.merge(label, count, Long::sum));
			scheduled += lane.scheduled;
			failed += lane.failed;
			unsent += lane.unsent;
		}
		return new LoadResult(rate, duration, scheduled, failed, unsent, failures, latencies);
	}

	private static final class Lane<T> {

		private final int index;

		private final int stride;

		private final Worker<T> worker;

		private final Histogram latencies = new Histogram(HIGHEST_MICROS, 3);

		private final Map<String, Long> failures = new HashMap<>();

		private long scheduled;

		private long failed;

		private long unsent;

		Lane(int index, int stride, Worker<T> worker) {
			this.index = index;
			this.stride = stride;
			this.worker = worker;
		}

		void run(Schedule schedule, long end, long hardDeadline) {
			try (this.worker) {
				for (long slot = this.index;; slot += this.stride) {
					long due = schedule.slotTime(slot);
					if (due >= end) {
						return;
					}
					this.scheduled++;
					if (System.nanoTime() > hardDeadline) {
						fail("not sent before the deadline", hardDeadline - due);
						this.unsent++;
						continue;
					}
					T prepared = this.worker.prepare(slot);
					awaitTime(due);
					String failure;
					try {
						failure = this.worker.execute(prepared, due);
					}
					catch (Exception ex) {
						failure = ex.getClass().getSimpleName();
					}
					long latency = System.nanoTime() - due;
					if (failure != null) {
						fail(failure, latency);
					}
					else {
						record(latency);
					}
				}
			}
		}

		private void fail(String label, long latencyNanos) {
			this.failed++;
			this.failures.merge(label, 1L, Long::sum);
			record(latencyNanos);
		}

		private void record(long latencyNanos) {
			this.latencies.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
		}

		private static void awaitTime(long due) {
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
		}

	}

}
