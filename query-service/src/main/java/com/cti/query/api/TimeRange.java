package com.cti.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code from} (inclusive) and {@code to} (exclusive) filters of a list; either end
 * may be open. Each end is given as ISO-8601 ({@code 2026-11-26T12:00:00Z}, with an
 * offset, or a date meaning its start in UTC) or as milliseconds since the epoch.
 */
public record TimeRange(@Nullable Instant from, @Nullable Instant to) {

	private static final Pattern MILLIS = Pattern.compile("-?\\d{1,15}");

	public TimeRange {
		requireOrdered(from, to);
	}

	/**
	 * @throws BadParameterException when both ends are given and {@code to} is not later
	 */
	public static void requireOrdered(@Nullable Instant from, @Nullable Instant to) {
		if (from != null && to != null && !to.isAfter(from)) {
			throw new BadParameterException("to", "Parameter 'to' must be later than 'from'");
		}
	}

	/**
	 * One end of a range, as a query parameter gives it.
	 * @return null for an empty text (an absent filter)
	 * @throws RuntimeException when it is no such time
	 */
	static @Nullable Instant parse(String value) {
		if (value.isEmpty()) {
			return null;
		}
		String text = value.strip();
		if (MILLIS.matcher(text).matches()) {
			return Instant.ofEpochMilli(Long.parseLong(text));
		}
		// an unencoded '+' of an offset arrives as a space
		text = text.replace(' ', '+');
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		return OffsetDateTime.parse(text).toInstant();
	}

}
