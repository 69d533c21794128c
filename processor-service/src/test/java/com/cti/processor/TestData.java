package com.cti.processor;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGobject;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test rows in and out of the database: apps and user mappings (the admin service's
 * tables) in, the processor's tables out.
 */
public final class TestData {

	private final JdbcClient jdbc;

	public TestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID newApp() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into apps (id, name) values (:id, :name)")
			.param("id", id)
			.param("name", "test app " + id)
			.update();
		return id;
	}

	void mapUser(UUID appId, long dialpadUserId, String clientUserId) {
		this.jdbc
			.sql("insert into user_mappings (app_id, dialpad_user_id, client_user_id) values (:app, :user, :client)")
			.param("app", appId)
			.param("user", dialpadUserId)
			.param("client", clientUserId)
			.update();
	}

	/** Every row of a processor table for one app, keyed by the row's id column. */
	public Map<Object, Map<String, Object>> rows(String table, String idColumn, UUID appId) {
		Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
		this.jdbc.sql("select * from " + table + " where app_id = :app order by " + idColumn)
			.param("app", appId)
			.query()
			.listOfRows()
			.forEach((row) -> rows.put(row.get(idColumn), row));
		return rows;
	}

	/**
	 * The rows of a processor table for one app in a form to compare across apps and
	 * runs: without app_id and the write times, arrays and JSON as text.
	 */
	public Map<Object, Map<String, Object>> comparable(String table, String idColumn, UUID appId) {
		Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
		rows(table, idColumn, appId).forEach((id, row) -> {
			Map<String, Object> values = new TreeMap<>();
			row.forEach((column, value) -> {
				if (!List.of("app_id", "updated_at").contains(column)
						&& !("calls".equals(table) && "created_at".equals(column))) {
					values.put(column, comparableValue(value));
				}
			});
			rows.put(id, values);
		});
		return rows;
	}

	private static @Nullable Object comparableValue(@Nullable Object value) {
		try {
			if (value instanceof Array array) {
				return List.of((Object[]) array.getArray());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		if (value instanceof PGobject json) {
			return json.getValue();
		}
		return value;
	}

	Map<String, Object> call(UUID appId, long callId) {
		Map<String, Object> row = rows("calls", "call_id", appId).get(callId);
		if (row == null) {
			throw new AssertionError("no calls row for call " + callId);
		}
		return row;
	}

	int count(String sql, UUID appId) {
		return this.jdbc.sql(sql).param("app", appId).query(Integer.class).single();
	}

	/** The app's webhook_events rows that are processed. */
	public int processedEvents(UUID appId) {
		return count("select count(*) from webhook_events where app_id = :app and processed", appId);
	}

	static @Nullable Instant instant(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? ((Timestamp) value).toInstant() : null;
	}

	static Instant ms(long epochMillis) {
		return Instant.ofEpochMilli(epochMillis);
	}

	static @Nullable JsonNode json(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? Fixtures.json.readTree(value.toString()) : null;
	}

	static List<String> texts(Map<String, Object> row, String column) throws Exception {
		return List.of((String[]) ((Array) row.get(column)).getArray());
	}

}
