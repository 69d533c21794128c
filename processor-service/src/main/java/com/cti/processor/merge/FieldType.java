package com.cti.processor.merge;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a merged field is read from a Dialpad payload, what counts as "no value" for it,
 * and how it is stored. Dialpad repeats every field on every event but leaves what it
 * does not know yet empty (null, "", [], {}, and 0 for durations), so an empty value
 * never replaces a known one.
 */
public enum FieldType {

	/** A 64-bit id or number; sent as a JSON number or a string. */
	LONG,

	/** A duration or counter in milliseconds (may be a float); 0 means not known yet. */
	MILLIS,

	/** Milliseconds since the epoch, stored as timestamptz. */
	TIMESTAMP,

	TEXT,

	DOUBLE,

	/**
	 * A flag that only ever becomes true (was_recorded, is_transferred): false counts as
	 * no value, and the column is false until an event says true.
	 */
	FLAG,

	BOOLEAN,

	/**
	 * Any JSON (arrays, objects), stored as jsonb; empty arrays and objects count as no
	 * value. Held in its canonical text form.
	 */
	JSON,

	/**
	 * A list of texts (or one text), stored as text[]; an empty list counts as no value.
	 */
	TEXT_LIST;

	/** 9999-12-31T23:59:59.999Z: later times are nonsense (and beyond PostgreSQL). */
	private static final long LATEST_TIMESTAMP = 253402300799999L;

	/** The value of a payload node, or null when the node holds no value. */
	public @Nullable Object read(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return switch (this) {
			case LONG -> asLong(node);
			case MILLIS -> {
				Long value = asLong(node);
				yield (value == null || value == 0) ? null : value;
			}
			case TIMESTAMP -> {
				Long millis = asLong(node);
				yield (millis == null || millis <= 0 || millis > LATEST_TIMESTAMP) ? null
						: OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
			}
			case TEXT -> {
				String text = withoutNul(node.isValueNode() ? node.asString() : node.toString());
				yield text.isBlank() ? null : text;
			}
			case DOUBLE -> node.isNumber() ? node.doubleValue() : parseDouble(node.asString());
			case FLAG -> node.asBoolean() ? Boolean.TRUE : null;
			case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
			case JSON -> (node.isContainer() && node.isEmpty()) ? null : CanonicalJson.of(node);
			case TEXT_LIST -> texts(node);
		};
	}

	/** Reads a stored column back into the form {@link #read} gives. */
	public @Nullable Object readColumn(ResultSet rs, String column) throws SQLException {
		return switch (this) {
			case LONG, MILLIS -> rs.getObject(column, Long.class);
			case TIMESTAMP -> rs.getObject(column, OffsetDateTime.class);
			case DOUBLE -> rs.getObject(column, Double.class);
			case FLAG -> Boolean.TRUE.equals(rs.getObject(column, Boolean.class)) ? Boolean.TRUE : null;
			case BOOLEAN -> rs.getObject(column, Boolean.class);
			case TEXT -> rs.getString(column);
			case JSON -> {
				String json = rs.getString(column);
				yield (json != null) ? CanonicalJson.of(json) : null;
			}
			case TEXT_LIST -> {
				Array array = rs.getArray(column);
				List<String> texts = (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
				yield texts.isEmpty() ? null : List.copyOf(texts);
			}
		};
	}

	private static @Nullable List<String> texts(JsonNode node) {
		List<String> texts = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((item) -> {
				if (item.isValueNode() && !item.isNull() && !item.asString().isBlank()) {
					texts.add(withoutNul(item.asString()));
				}
			});
		}
		else if (node.isValueNode() && !node.asString().isBlank()) {
			texts.add(withoutNul(node.asString()));
		}
		return texts.isEmpty() ? null : List.copyOf(texts);
	}

	private static @Nullable Long asLong(JsonNode node) {
		if (node.isNumber()) {
			return node.isIntegralNumber() ? node.longValue() : Math.round(node.doubleValue());
		}
		if (!node.isString()) {
			return null;
		}
		String text = node.asString().trim();
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			Double value = parseDouble(text);
			return (value != null) ? Math.round(value) : null;
		}
	}

	/** PostgreSQL text cannot hold NUL characters. */
	static String withoutNul(String text) {
		return (text.indexOf('\u0000') >= 0) ? text.replace("\u0000", "") : text;
	}

	private static @Nullable Double parseDouble(String text) {
		try {
			double value = Double.parseDouble(text);
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
