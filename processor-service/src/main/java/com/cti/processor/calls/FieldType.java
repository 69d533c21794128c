package com.cti.processor.calls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a projected field is read from a Dialpad payload, and what counts as "no value" for
 * it. Dialpad repeats every field on every event but leaves what it does not know yet
 * empty (null, "", [], {}, and 0 for durations), so an empty value never replaces a known
 * one.
 */
enum FieldType {

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
	 * no value.
	 */
	FLAG,

	BOOLEAN,

	/**
	 * Any JSON (arrays, objects), stored as jsonb; empty arrays and objects count as no
	 * value.
	 */
	JSON;

	@Nullable Object read(@Nullable JsonNode node) {
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
				yield (millis == null || millis <= 0) ? null
						: OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
			}
			case TEXT -> {
				String text = node.isValueNode() ? node.asString() : node.toString();
				yield text.isBlank() ? null : text;
			}
			case DOUBLE -> node.isNumber() ? node.doubleValue() : parseDouble(node.asString());
			case FLAG -> node.asBoolean() ? Boolean.TRUE : null;
			case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
			case JSON -> (node.isContainer() && node.isEmpty()) ? null : node.toString();
		};
	}

	private static @Nullable Long asLong(JsonNode node) {
		if (node.isNumber()) {
			return node.isIntegralNumber() ? node.longValue() : Math.round(node.doubleValue());
		}
		try {
			String text = node.asString().trim();
			return text.isEmpty() ? null : Math.round(Double.parseDouble(text));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Double parseDouble(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
