package com.cti.processor.merge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the columns every merged table has: the merged fields,
 * {@code field_timestamps} (jsonb: column to the event time of its value),
 * {@code event_timestamp} and {@code raw_payload}.
 */
public final class MergedRows {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Long>> TIMESTAMPS = new TypeReference<>() {
	};

	private MergedRows() {
	}

	/** The fields' column names, comma separated. */
	public static String columns(List<MergeField> fields) {
		return fields.stream().map(MergeField::column).collect(Collectors.joining(", "));
	}

	/** {@code column = excluded.column} for each field. */
	public static String updates(List<MergeField> fields) {
		return fields.stream()
			.map((field) -> field.column() + " = excluded." + field.column())
			.collect(Collectors.joining(", "));
	}

	/**
	 * Restores a row selected with the fields' columns,
	 * {@code field_timestamps::text as field_timestamps}, {@code event_timestamp} and
	 * {@code raw_payload::text as raw_payload}.
	 */
	public static MergedValues restore(ResultSet rs, List<MergeField> fields) throws SQLException {
		Map<String, @Nullable Object> values = new HashMap<>();
		for (MergeField field : fields) {
			values.put(field.column(), field.type().readColumn(rs, field.column()));
		}
		return MergedValues.restore(values, mapper.readValue(rs.getString("field_timestamps"), TIMESTAMPS),
				rs.getLong("event_timestamp"), rs.getString("raw_payload"));
	}

	/** The {@code field_timestamps} column's JSON. */
	public static String timestampsJson(Map<String, Long> timestamps) {
		return mapper.writeValueAsString(timestamps);
	}

}
