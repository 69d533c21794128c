package com.cti.query.api;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The direction of a call or message, as a filter: {@code inbound} or {@code outbound},
 * in any case.
 */
public enum Direction {

	INBOUND, OUTBOUND;

	/** As the database and the API spell it. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return null for an empty text (an absent filter)
	 * @throws IllegalArgumentException when it is neither
	 */
	static @Nullable Direction parse(String text) {
		return text.isEmpty() ? null : valueOf(text.strip().toUpperCase(Locale.ROOT));
	}

}
