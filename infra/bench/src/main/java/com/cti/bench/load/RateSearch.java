package com.cti.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Finds the highest rate a target sustains: short probes at rising rates (x1.5) until one
 * fails, two bisections between the last pass and the first failure, then a full-length
 * confirmation at the best rate, stepping down 15% at a time (at most three times) while
 * the confirmation fails.
 */
public final class RateSearch {

	private final Probe probe;

	private final Predicate<LoadResult> passes;

	private final Duration probeDuration;

	private final Duration confirmDuration;

	public RateSearch(Probe probe, Predicate<LoadResult> passes, Duration probeDuration, Duration confirmDuration) {
		this.probe = probe;
		this.passes = passes;
		this.probeDuration = probeDuration;
		this.confirmDuration = confirmDuration;
	}

	public Outcome search(double startRate, double maxRate) {
		List<Step> steps = new ArrayList<>();
		double lastPass = 0;
		double firstFail = 0;
		for (double rate = startRate; rate <= maxRate; rate = round(rate * 1.5)) {
			if (run(rate, this.probeDuration, false, steps).passed()) {
				lastPass = rate;
			}
			else {
				firstFail = rate;
				break;
			}
		}
		for (double rate = startRate; lastPass == 0 && rate > 25;) {
			rate = round(rate / 2);
			if (run(rate, this.probeDuration, false, steps).passed()) {
				lastPass = rate;
				firstFail = rate * 2;
			}
		}
		if (lastPass == 0) {
			return new Outcome(null, steps);
		}
		for (int i = 0; i < 2 && firstFail > 0; i++) {
			double middle = round((lastPass + firstFail) / 2);
			if (middle <= lastPass || middle >= firstFail) {
				break;
			}
			if (run(middle, this.probeDuration, false, steps).passed()) {
				lastPass = middle;
			}
			else {
				firstFail = middle;
			}
		}
		double candidate = lastPass;
		for (int attempt = 0; attempt < 4; attempt++) {
			Step confirmation = run(candidate, this.confirmDuration, true, steps);
			if (confirmation.passed()) {
				return new Outcome(confirmation, steps);
			}
			candidate = round(candidate * 0.85);
		}
		return new Outcome(null, steps);
	}

	private Step run(double rate, Duration duration, boolean confirmation, List<Step> steps) {
		LoadResult result = this.probe.run(rate, duration);
		var step = new Step(rate, confirmation, this.passes.test(result), result);
		steps.add(step);
		return step;
	}

	/** Rates are kept round (multiples of 25/s) so that reruns probe the same rates. */
	static double round(double rate) {
		return Math.max(25, Math.round(rate / 25) * 25.0);
	}

	/** Runs the target at a rate for a duration. */
	@FunctionalInterface
	public interface Probe {

		LoadResult run(double rate, Duration duration);

	}

	/**
	 * One run of the search.
	 *
	 * @param rate the rate
	 * @param confirmation whether it was a full-length confirmation
	 * @param passed whether it met the criterion
	 * @param result what it measured
	 */
	public record Step(double rate, boolean confirmation, boolean passed, LoadResult result) {
	}

	/**
	 * The search's result.
	 *
	 * @param best the confirmed run at the highest sustained rate, or null when no rate
	 * was sustained
	 * @param steps every run, in order
	 */
	public record Outcome(@Nullable Step best, List<Step> steps) {
	}

}
