package com.cti.bench.report;

/**
 * One line of the results table.
 *
 * @param section the measurement it belongs to
 * @param measure what was measured
 * @param result the figure
 * @param ceiling the same thing's ceiling, measured in the same run
 * @param ratio the figure relative to its ceiling
 * @param target the goal
 * @param verdict whether the goal was met
 */
public record ReportRow(String section, String measure, String result, String ceiling, String ratio, String target,
		Verdict verdict) {

	/** A row for a measurement that could not be made. */
	public static ReportRow notAvailable(String section, String measure, String reason, String target) {
		return new ReportRow(section, measure, "not available: " + reason, "", "", target, Verdict.NOT_AVAILABLE);
	}

}
