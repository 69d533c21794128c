package com.cti.bench.report;

/**
 * How a figure compares with its target. Targets are goals shown beside the figures,
 * never assertions.
 */
public enum Verdict {

	MET("met"), MISSED("**missed**"), NOT_AVAILABLE("not available"), NONE("");

	private final String text;

	Verdict(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	public static Verdict of(boolean met) {
		return met ? MET : MISSED;
	}

}
