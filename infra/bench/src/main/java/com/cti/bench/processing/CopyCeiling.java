package com.cti.bench.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The processing ceiling: the rows the processor wrote for the backlog's apps, in every
 * processor-owned table, exported and then loaded again with {@code COPY} into unindexed
 * copies of those tables. Only the loading is timed.
 */
final class CopyCeiling {

	/** The processor's tables, as far as they exist (and have an app_id column). */
	static final List<String> TABLES = List.of("webhook_events", "calls", "messages", "voicemails", "change_events");

	private CopyCeiling() {
	}

	static Result measure(Connection connection, List<UUID> apps, Path directory) throws SQLException, IOException {
		Files.createDirectories(directory);
		connection.setAutoCommit(true);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		String appList = apps.stream().map(UUID::toString).collect(Collectors.joining(",", "'{", "}'::uuid[]"));
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : existing(connection)) {
			Path file = directory.resolve(table + ".copy");
			try (OutputStream out = Files.newOutputStream(file)) {
				rows.put(table, copy.copyOut("copy (select * from " + table + " where app_id = any(" + appList
						+ ")) to stdout (format binary)", out));
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table if exists bench_copy_" + table);
				statement.execute("create table bench_copy_" + table + " (like " + table + ")");
			}
		}
		long started = System.nanoTime();
		for (String table : rows.keySet()) {
			try (InputStream in = Files.newInputStream(directory.resolve(table + ".copy"))) {
				copy.copyIn("copy bench_copy_" + table + " from stdin (format binary)", in);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		try (Statement statement = connection.createStatement()) {
			for (String table : rows.keySet()) {
				statement.execute("drop table bench_copy_" + table);
				Files.deleteIfExists(directory.resolve(table + ".copy"));
			}
		}
		return new Result(rows, seconds);
	}

	private static List<String> existing(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select table_name from information_schema.columns
				where table_schema = current_schema() and column_name = 'app_id'
				""")) {
			var names = new java.util.HashSet<String>();
			while (result.next()) {
				names.add(result.getString(1));
			}
			return TABLES.stream().filter(names::contains).toList();
		}
	}

	/**
	 * @param rows rows copied per table
	 * @param seconds time to load them all
	 */
	record Result(Map<String, Long> rows, double seconds) {

		long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
