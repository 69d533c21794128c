package com.cti.processor.merge;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Builds the {@code values (...), (...)} list of a multi-row statement with named
 * parameters, typed so that the driver never has to ask the server what a null is.
 */
public final class SqlRows {

	/**
	 * Parameters per statement: PostgreSQL's protocol allows 65535, the margin keeps the
	 * statement text reasonable.
	 */
	private static final int MAX_PARAMETERS = 30_000;

	private final Map<String, Object> parameters = new HashMap<>();

	private final StringJoiner rows = new StringJoiner(",\n");

	private @Nullable StringJoiner current;

	private int row = -1;

	private int column;

	/** Splits rows into chunks that each fit in one statement. */
	public static <T> List<List<T>> chunks(List<T> rows, int parametersPerRow) {
		int size = Math.max(1, MAX_PARAMETERS / Math.max(1, parametersPerRow));
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < rows.size(); from += size) {
			chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
		}
		return chunks;
	}

	/** Starts the next row. */
	public SqlRows row() {
		end();
		this.current = new StringJoiner(", ", "(", ")");
		this.row++;
		this.column = 0;
		return this;
	}

	/** Adds a value bound as it is (its Java type tells the driver its SQL type). */
	public SqlRows value(Object value) {
		return bind(value, ":%s");
	}

	public SqlRows text(@Nullable String value) {
		return bind(new SqlParameterValue(Types.VARCHAR, value), ":%s");
	}

	public SqlRows number(@Nullable Long value) {
		return bind(new SqlParameterValue(Types.BIGINT, value), ":%s");
	}

	public SqlRows time(@Nullable OffsetDateTime value) {
		return bind(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value), ":%s");
	}

	public SqlRows json(@Nullable String value) {
		return bind(new SqlParameterValue(Types.VARCHAR, value), "cast(:%s as jsonb)");
	}

	/** Adds a merged field's value. */
	public SqlRows field(MergeField field, @Nullable Object value) {
		String name = nextName();
		this.parameters.put(name, field.type().parameter(value));
		current().add(field.type().placeholder(name));
		return this;
	}

	/** Adds an SQL expression (a shared parameter, a literal). */
	public SqlRows sql(String expression) {
		current().add(expression);
		return this;
	}

	/** Binds a parameter shared by every row. */
	public SqlRows shared(String name, Object value) {
		this.parameters.put(name, value);
		return this;
	}

	/** The rows, for {@code values %s}. */
	public String values() {
		end();
		return this.rows.toString();
	}

	public Map<String, Object> parameters() {
		return this.parameters;
	}

	private SqlRows bind(Object value, String placeholder) {
		String name = nextName();
		this.parameters.put(name, value);
		current().add(placeholder.formatted(name));
		return this;
	}

	private String nextName() {
		return "r" + this.row + "c" + this.column++;
	}

	private StringJoiner current() {
		if (this.current == null) {
			throw new IllegalStateException("row() first");
		}
		return this.current;
	}

	private void end() {
		if (this.current != null) {
			this.rows.add(this.current.toString());
			this.current = null;
		}
	}

}
