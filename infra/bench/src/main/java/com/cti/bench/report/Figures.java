package com.cti.bench.report;

import java.util.Locale;

/**
 * How figures are written in the table.
 */
public final class Figures {

	private Figures() {
	}

	public static String millis(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 10) ? "%.1f" : "%.2f", value);
	}

	/** "p50 / p99 / ..." in milliseconds. */
	public static String latencies(double... values) {
		var text = new StringBuilder();
		for (double value : values) {
			text.append((text.length() > 0) ? " / " : "").append(millis(value));
		}
		return text.append(" ms").toString();
	}

	public static String rate(double perSecond, String unit) {
		return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
	}

	public static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	public static String megabytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%,.0f MB", bytes / 1_048_576.0);
	}

	public static String seconds(double seconds) {
		return String.format(Locale.ROOT, "%.1f s", seconds);
	}

	/** A figure relative to its ceiling, as a percentage. */
	public static String percentOf(double value, double ceiling) {
		if (!(ceiling > 0) || Double.isNaN(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.0f%%", 100 * value / ceiling);
	}

	/** A latency relative to its ceiling's, as a multiple. */
	public static String times(double value, double ceiling) {
		if (!(ceiling > 0) || Double.isNaN(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.1fx", value / ceiling);
	}

}
