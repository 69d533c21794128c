package com.cti.bench.queries;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cti.bench.system.PostgresServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads back the SQL a service ran for one request: statement logging is switched on for
 * the whole server ({@code log_min_duration_statement = 0}), the request is made between
 * two marker statements of the harness, and the statements that read {@code calls} logged
 * between the markers by other connections are the request's.
 */
final class SqlCapture implements AutoCloseable {

	private static final Pattern STATEMENT = Pattern
		.compile("^duration: [0-9.]+ ms\\s+(?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Connection connection;

	private final Path logFile;

	private long offset;

	private String partial = "";

	private int markers;

	SqlCapture(PostgresServer postgres) throws SQLException, IOException {
		this.connection = postgres.connect();
		this.connection.setAutoCommit(true);
		this.logFile = findLog(postgres.logDirectory());
		this.offset = Files.size(this.logFile);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("alter system set log_min_duration_statement = 0");
			statement.execute("select pg_reload_conf()");
		}
	}

	private static Path findLog(Path directory) throws IOException {
		try (var files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".json"))
				.findFirst()
				.orElseThrow(() -> new IOException("no JSON log of PostgreSQL in " + directory));
		}
	}

	/** Makes the request and returns the statements on {@code calls} it caused. */
	List<CapturedStatement> capture(Callable<?> request) throws Exception {
		String before = marker();
		request.call();
		String after = marker();
		List<CapturedStatement> statements = new ArrayList<>();
		boolean between = false;
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			for (String line : newLines()) {
				JsonNode entry = parse(line);
				String message = text(entry, "message");
				if (message == null) {
					continue;
				}
				if (message.contains(before)) {
					between = true;
				}
				else if (message.contains(after)) {
					return statements;
				}
				else if (between && !PostgresServer.APPLICATION_NAME.equals(text(entry, "application_name"))) {
					CapturedStatement statement = statement(message, text(entry, "detail"));
					if (statement != null) {
						statements.add(statement);
					}
				}
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException("the marker statement never reached the PostgreSQL log");
	}

	static @Nullable CapturedStatement statement(String message, @Nullable String detail) {
		Matcher matcher = STATEMENT.matcher(message);
		if (!matcher.matches()) {
			return null;
		}
		String sql = matcher.group(1);
		String lower = sql.toLowerCase(Locale.ROOT);
		if (!lower.matches("(?s).*\\bfrom\\s+calls\\b.*") || lower.contains("for update")
				|| !lower.stripLeading().startsWith("select")) {
			return null;
		}
		return new CapturedStatement(sql, CapturedStatement.parameters(detail));
	}

	private String marker() throws SQLException {
		String marker = "cti-bench-marker-" + (++this.markers) + "-" + System.nanoTime();
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("select '" + marker + "'");
		}
		return marker;
	}

	private List<String> newLines() throws IOException {
		List<String> lines = new ArrayList<>();
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long length = file.length();
			if (length <= this.offset) {
				return lines;
			}
			byte[] bytes = new byte[(int) (length - this.offset)];
			file.seek(this.offset);
			file.readFully(bytes);
			this.offset = length;
			String text = this.partial + new String(bytes, StandardCharsets.UTF_8);
			int start = 0;
			for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
				lines.add(text.substring(start, newline));
				start = newline + 1;
			}
			this.partial = text.substring(start);
		}
		return lines;
	}

	private static @Nullable JsonNode parse(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode entry, String field) {
		JsonNode value = (entry != null) ? entry.get(field) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	@Override
	public void close() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("alter system reset log_min_duration_statement");
			statement.execute("select pg_reload_conf()");
		}
		finally {
			this.connection.close();
		}
	}

}
