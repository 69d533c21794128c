package com.cti.bench.events;

/**
 * A piece of an event template: literal JSON text, a fresh id, or a timestamp relative to
 * the start of the lifecycle.
 */
sealed interface Segment {

	record Literal(String text) implements Segment {
	}

	record Id(int index) implements Segment {
	}

	record Timestamp(long offsetMillis) implements Segment {
	}

}
