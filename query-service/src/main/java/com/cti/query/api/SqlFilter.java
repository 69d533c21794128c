package com.cti.query.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions and bind parameters of a query being built: conditions are fixed SQL
 * text, values are always bound, never written into the SQL.
 */
public final class SqlFilter {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new HashMap<>();

	/** Adds a condition that uses the named parameter bound to the value. */
	public SqlFilter add(String condition, String name, Object value) {
		this.conditions.add(condition);
		this.params.put(name, value);
		return this;
	}

	/** Adds a condition without a parameter of its own. */
	public SqlFilter add(String condition) {
		this.conditions.add(condition);
		return this;
	}

	public SqlFilter bind(String name, Object value) {
		this.params.put(name, value);
		return this;
	}

	/** An instant as a bind value that the driver sends as {@code timestamptz}. */
	public static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A {@link WordList} filter as a {@code text[]} bind value: its words without the
	 * blanks around them (trailing commas make no words).
	 */
	public static String[] words(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).toArray(String[]::new);
	}

	/**
	 * Adds the keyset condition: rows strictly after the cursor in the order
	 * {@code (sortColumn desc, idColumn desc)}.
	 */
	public SqlFilter after(String sortColumn, String idColumn, Cursor cursor) {
		return add("(" + sortColumn + ", " + idColumn + ") < (:afterAt, :afterId)", "afterAt", cursor.sortAt())
			.bind("afterId", cursor.id());
	}

	/** The conditions joined by {@code and}. */
	public String where() {
		return String.join("\n  and ", this.conditions);
	}

	public Map<String, Object> params() {
		return this.params;
	}

}
