package com.cti.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Parses and checks the values of query parameters; a bad value is a
 * {@link BadParameterException} naming the parameter.
 */
public final class Parameters {

	private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}");

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{5,14}");

	private static final Pattern NUMBER_PUNCTUATION = Pattern.compile("[\\s().\\-/]");

	private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,39}");

	private Parameters() {
	}

	/**
	 * A time given as ISO-8601 ({@code 2026-11-26T12:00:00Z}, with an offset, or a date
	 * meaning its start in UTC) or as milliseconds since the epoch.
	 */
	public static @Nullable Instant instant(String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String text = value.strip();
		if (DIGITS.matcher(text).matches()) {
			return Instant.ofEpochMilli(Long.parseLong(text));
		}
		// an unencoded '+' of an offset arrives as a space
		text = text.replace(' ', '+');
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(name, "Parameter '" + name
					+ "' must be an ISO-8601 time such as 2026-11-26T12:00:00Z or milliseconds since the epoch (got '"
					+ value + "')");
		}
	}

	/** The time range of {@code from} (inclusive) and {@code to} (exclusive). */
	public static TimeRange timeRange(@Nullable String from, @Nullable String to) {
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (start != null && end != null && !end.isAfter(start)) {
			throw new BadParameterException("to", "Parameter 'to' must be later than 'from'");
		}
		return new TimeRange(start, end);
	}

	/**
	 * A phone number normalised to E.164: spaces, dots, dashes, slashes and brackets are
	 * dropped, a leading {@code 00} becomes {@code +}, and a number of digits only gets a
	 * {@code +}.
	 */
	public static @Nullable String phoneNumber(String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String number = NUMBER_PUNCTUATION.matcher(value).replaceAll("");
		if (number.startsWith("00")) {
			number = "+" + number.substring(2);
		}
		else if (!number.startsWith("+")) {
			number = "+" + number;
		}
		if (!E164.matcher(number).matches()) {
			throw new BadParameterException(name, "Parameter '" + name
					+ "' must be a phone number in E.164 form such as +14155550101 (got '" + value + "')");
		}
		return number;
	}

	/** {@code inbound} or {@code outbound}. */
	public static @Nullable String direction(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String direction = value.strip().toLowerCase(Locale.ROOT);
		if (!direction.equals("inbound") && !direction.equals("outbound")) {
			throw new BadParameterException("direction",
					"Parameter 'direction' must be inbound or outbound (got '" + value + "')");
		}
		return direction;
	}

	/**
	 * A comma-separated list of lower-case words (states, statuses): values that Dialpad
	 * may extend, so any word is accepted.
	 */
	public static @Nullable List<String> words(String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		List<String> words = Arrays.stream(value.split(",")).map(String::strip).toList();
		for (String word : words) {
			if (!WORD.matcher(word).matches()) {
				throw new BadParameterException(name, "Parameter '" + name
						+ "' must be one or more comma-separated lower-case words such as ringing,connected (got '"
						+ value + "')");
			}
		}
		return words;
	}

	/** Free text of at most {@code maxLength} characters. */
	public static @Nullable String text(String name, @Nullable String value, int maxLength) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > maxLength) {
			throw new BadParameterException(name,
					"Parameter '" + name + "' must be at most " + maxLength + " characters long");
		}
		return value;
	}

	/** A path id: a positive whole number. */
	public static long id(String name, String value) {
		try {
			long id = Long.parseLong(value);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadParameterException(name, "'" + name + "' must be a positive whole number (got '" + value + "')");
	}

	/** A time range; either end may be open. */
	public record TimeRange(@Nullable Instant from, @Nullable Instant to) {
	}

}
