package com.cti.processor.merge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Rows to write in one statement, held column by column and bound as one array per
 * column: {@code insert into t (a, b) select a, b from unnest(:a, :b) ...}. The
 * statement's text does not depend on the number of rows, so the server parses and plans
 * it once per connection, and a batch of any size binds a handful of parameters.
 */
public final class ColumnBatch {

	private final List<Column> columns = new ArrayList<>();

	private final Map<String, Column> byName = new HashMap<>();

	private int rows;

	/** Declares the next column. */
	public ColumnBatch column(String name, Kind kind) {
		Column column = new Column(name, kind);
		this.columns.add(column);
		this.byName.put(name, column);
		return this;
	}

	/** Declares a column for a merged field. */
	public ColumnBatch column(MergeField field) {
		return column(field.column(), Kind.of(field.type()));
	}

	/** Starts a new row; every column must then get a value. */
	public ColumnBatch row() {
		this.rows++;
		return this;
	}

	public ColumnBatch set(String column, @Nullable Object value) {
		Column target = this.byName.get(column);
		if (target == null) {
			throw new IllegalArgumentException("no column " + column);
		}
		if (target.values.size() != this.rows - 1) {
			throw new IllegalStateException("column " + column + " set twice or a row skipped");
		}
		target.values.add(target.kind.bindable(value));
		return this;
	}

	/** The declared column names, comma separated. */
	public String names() {
		StringJoiner names = new StringJoiner(", ");
		this.columns.forEach((column) -> names.add(column.name));
		return names.toString();
	}

	public int size() {
		return this.rows;
	}

	/**
	 * {@code select <expressions> from unnest(<arrays>) as batch (<names>)}, the rows as
	 * a query whose columns carry the declared names.
	 */
	public String select() {
		StringJoiner expressions = new StringJoiner(", ");
		StringJoiner arrays = new StringJoiner(", ");
		StringJoiner names = new StringJoiner(", ");
		for (Column column : this.columns) {
			expressions.add(column.kind.expression("batch." + column.name) + " as " + column.name);
			arrays.add("cast(:" + column.name + " as " + column.kind.arrayType + ")");
			names.add(column.name);
		}
		return "select " + expressions + " from unnest(" + arrays + ") as batch (" + names + ")";
	}

	/** One array parameter per column. */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		for (Column column : this.columns) {
			if (column.values.size() != this.rows) {
				throw new IllegalStateException("column " + column.name + " has no value in a row");
			}
			parameters.put(column.name, column.kind.array(column.values));
		}
		return parameters;
	}

	/** How a column travels: the array type bound, and the expression that reads it. */
	public enum Kind {

		BIGINT("bigint[]"), TEXT("text[]"), BOOLEAN("boolean[]"), DOUBLE("float8[]"),
		/** Bound as text. */
		UUID("text[]"),
		/** A flag that is false unless set. */
		FLAG("boolean[]"),
		/** Bound as ISO-8601 text. */
		TIMESTAMP("text[]"),
		/** Bound as text. */
		JSONB("text[]"),
		/** A list of texts, bound as one array literal per row. */
		TEXT_ARRAY("text[]");

		private final String arrayType;

		Kind(String arrayType) {
			this.arrayType = arrayType;
		}

		static Kind of(FieldType type) {
			return switch (type) {
				case LONG, MILLIS -> BIGINT;
				case TIMESTAMP -> TIMESTAMP;
				case TEXT -> TEXT;
				case DOUBLE -> DOUBLE;
				case FLAG -> FLAG;
				case BOOLEAN -> BOOLEAN;
				case JSON -> JSONB;
				case TEXT_LIST -> TEXT_ARRAY;
			};
		}

		String expression(String column) {
			return switch (this) {
				case TIMESTAMP -> "cast(" + column + " as timestamptz)";
				case JSONB -> "cast(" + column + " as jsonb)";
				case TEXT_ARRAY -> "cast(" + column + " as text[])";
				case UUID -> "cast(" + column + " as uuid)";
				default -> column;
			};
		}

		@Nullable Object bindable(@Nullable Object value) {
			if (value == null) {
				return switch (this) {
					case FLAG -> Boolean.FALSE;
					case TEXT_ARRAY -> "{}";
					default -> null;
				};
			}
			return switch (this) {
				case UUID -> value.toString();
				case TIMESTAMP ->
					(value instanceof OffsetDateTime time) ? time.toInstant().toString() : value.toString();
				case BIGINT -> ((Number) value).longValue();
				case TEXT_ARRAY -> arrayLiteral((List<?>) value);
				default -> value;
			};
		}

		Object array(List<@Nullable Object> values) {
			return switch (this) {
				case BIGINT -> values.toArray(Long[]::new);
				case BOOLEAN, FLAG -> values.toArray(Boolean[]::new);
				case DOUBLE -> values.toArray(Double[]::new);
				case TEXT, JSONB, TEXT_ARRAY, UUID, TIMESTAMP -> values.toArray(String[]::new);
			};
		}

		private static String arrayLiteral(List<?> texts) {
			StringJoiner literal = new StringJoiner(",", "{", "}");
			for (Object text : texts) {
				literal.add("\"" + text.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
			}
			return literal.toString();
		}

	}

	private static final class Column {

		private final String name;

		private final Kind kind;

		private final List<@Nullable Object> values = new ArrayList<>();

		Column(String name, Kind kind) {
			this.name = name;
			this.kind = kind;
		}

	}

}
