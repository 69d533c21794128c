package com.cti.query.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Reads nullable columns of a result set.
 */
public final class Rows {

	private Rows() {
	}

	/** A timestamp, to the millisecond as the API shows times. */
	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant().truncatedTo(ChronoUnit.MILLIS) : null;
	}

	public static OffsetDateTime sortAt(ResultSet rs) throws SQLException {
		return rs.getObject("sort_at", OffsetDateTime.class);
	}

	public static @Nullable Long millis(@Nullable Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	public static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

	public static @Nullable Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Double.class);
	}

	public static @Nullable Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Boolean.class);
	}

	/** Milliseconds as seconds, or null. */
	public static @Nullable Double seconds(@Nullable Long millis) {
		return (millis != null) ? millis / 1000.0 : null;
	}

}
