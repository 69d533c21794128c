package com.cti.bench.queries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A statement a service ran, as PostgreSQL logged it: the SQL with {@code $n}
 * placeholders and the text of each parameter ({@code null} for NULL).
 *
 * @param sql the SQL text
 * @param parameters the parameters, {@code $1} first
 */
record CapturedStatement(String sql, List<@Nullable String> parameters) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");

	/** Parses the {@code Parameters: $1 = '...', $2 = NULL} detail of a log entry. */
	static List<@Nullable String> parameters(@Nullable String detail) {
		List<@Nullable String> values = new ArrayList<>();
		if (detail == null) {
			return values;
		}
		Matcher matcher = PARAMETER.matcher(detail);
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1)) - 1;
			while (values.size() <= index) {
				values.add(null);
			}
			values.set(index, "NULL".equals(matcher.group(2)) ? null : matcher.group(3).replace("''", "'"));
		}
		return Collections.unmodifiableList(values);
	}

	/** The SQL for JDBC: each {@code $n} becomes {@code ?}. */
	String jdbcSql() {
		return PLACEHOLDER.matcher(this.sql).replaceAll("?");
	}

	/** The parameter bound to each {@code ?} of {@link #jdbcSql()}, in order. */
	List<@Nullable String> jdbcParameters() {
		List<@Nullable String> bound = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(this.sql);
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1)) - 1;
			bound.add((index < this.parameters.size()) ? this.parameters.get(index) : null);
		}
		return bound;
	}

}
