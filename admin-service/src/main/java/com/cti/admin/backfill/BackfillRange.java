package com.cti.admin.backfill;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.cti.admin.dialpad.ProvisioningProblems;
import org.jspecify.annotations.Nullable;

/**
 * The period a backfill covers: calls started after {@code from} and before {@code to},
 * each given as an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}), an offset date-time,
 * a date (midnight UTC) or milliseconds since the epoch.
 *
 * @param from the start (exclusive, as Dialpad's {@code started_after})
 * @param to the end (exclusive, as Dialpad's {@code started_before})
 */
record BackfillRange(Instant from, Instant to) {

	/** The longest period one call covers: a longer one is split by the caller. */
	static final Duration MAX_LENGTH = Duration.ofDays(31);

	static BackfillRange parse(@Nullable String from, @Nullable String to, Instant now) {
		if (from == null || from.isBlank()) {
			throw invalid("from is required (ISO-8601 or ms since the epoch)");
		}
		Instant start = instant("from", from);
		Instant end = (to != null && !to.isBlank()) ? instant("to", to) : now;
		if (!start.isBefore(end)) {
			throw invalid("from must be before to");
		}
		if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
			throw invalid("a backfill covers at most " + MAX_LENGTH.toDays() + " days: split the period");
		}
		return new BackfillRange(start, end);
	}

	private static Instant instant(String name, String value) {
		String text = value.strip();
		try {
			if (text.matches("-?[0-9]{1,15}")) {
				return Instant.ofEpochMilli(Long.parseLong(text));
			}
			if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
				return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw invalid(name + " '" + value + "' is neither ISO-8601 (e.g. 2026-11-01T00:00:00Z) nor ms since "
					+ "the epoch");
		}
	}

	private static RuntimeException invalid(String detail) {
		return ProvisioningProblems.badRequest("invalid-backfill-range", "Invalid backfill period", detail);
	}

}
