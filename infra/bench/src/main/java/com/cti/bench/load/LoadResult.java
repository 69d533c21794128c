package com.cti.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one open-loop run. Latencies are in microseconds, measured from each
 * request's scheduled time (so a stall counts against every request it delayed), and
 * include failed requests.
 *
 * @param rate the scheduled rate (requests/s)
 * @param duration the scheduled duration
 * @param scheduled requests due within the duration
 * @param failed requests that did not succeed
 * @param unsent requests still not sent at the hard deadline (counted as failed too)
 * @param failures failure label to count
 * @param latencies latency histogram in microseconds
 */
public record LoadResult(double rate, Duration duration, long scheduled, long failed, long unsent,
		Map<String, Long> failures, Histogram latencies) {

	public LoadResult {
		failures = new TreeMap<>(failures);
	}

	public long succeeded() {
		return this.scheduled - this.failed;
	}

	/** The latency at a percentile, in milliseconds. */
	public double percentileMillis(double percentile) {
		if (this.latencies.getTotalCount() == 0) {
			return Double.NaN;
		}
		return this.latencies.getValueAtPercentile(percentile) / 1000.0;
	}

	public double p50() {
		return percentileMillis(50);
	}

	public double p99() {
		return percentileMillis(99);
	}

	public double p999() {
		return percentileMillis(99.9);
	}

	public double maxMillis() {
		return this.latencies.getMaxValue() / 1000.0;
	}

	/**
	 * Whether every request succeeded with p99 under the limit.
	 */
	public boolean sustained(Duration p99Limit) {
		return this.failed == 0 && this.scheduled > 0 && p99() < p99Limit.toNanos() / 1_000_000.0;
	}

	/** A one-line summary for the console. */
	public String summary() {
		return String.format(
				"%,.0f/s for %ds: %,d sent, %,d failed%s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms",
				this.rate, this.duration.toSeconds(), this.scheduled, this.failed,
				this.failures.isEmpty() ? "" : " " + this.failures, p50(), p99(), p999(), maxMillis());
	}

}
