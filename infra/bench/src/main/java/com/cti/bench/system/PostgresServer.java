package com.cti.bench.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 (zonky's binaries, its own server process) with production-like
 * durability ({@code synchronous_commit=on}, fsync on) rather than the test defaults, and
 * its log written as JSON lines so that the harness can read back the SQL a service ran.
 */
public final class PostgresServer implements Closeable {

	public static final String DATABASE = "cti_bench";

	/**
	 * The application name of the harness's own connections, to tell them apart in the
	 * log.
	 */
	public static final String APPLICATION_NAME = "cti-bench";

	private final EmbeddedPostgres postgres;

	private final Map<String, String> settings;

	private final Path logDirectory;

	private PostgresServer(EmbeddedPostgres postgres, Map<String, String> settings, Path logDirectory) {
		this.postgres = postgres;
		this.settings = settings;
		this.logDirectory = logDirectory;
	}

	public static PostgresServer start(Path directory, Map<String, String> overrides) throws IOException {
		Path logDirectory = directory.resolve("log");
		Files.createDirectories(logDirectory);
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("synchronous_commit", "on");
		settings.put("fsync", "on");
		settings.put("shared_buffers", "512MB");
		settings.put("max_wal_size", "4GB");
		settings.put("max_connections", "300");
		settings.putAll(overrides);
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory.resolve("data"))
			.setCleanDataDirectory(true)
			.setPort(Ports.free());
		settings.forEach(builder::setServerConfig);
		builder.setServerConfig("logging_collector", "on")
			.setServerConfig("log_destination", "jsonlog")
			.setServerConfig("log_directory", logDirectory.toAbsolutePath().toString())
			.setServerConfig("log_filename", "postgresql.log")
			.setServerConfig("log_rotation_size", "0");
		var server = new PostgresServer(builder.start(), settings, logDirectory);
		try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("create database " + DATABASE);
		}
		catch (SQLException ex) {
			throw new IOException("cannot create the benchmark database", ex);
		}
		return server;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + DATABASE;
	}

	/** A new connection of the harness to the benchmark database. */
	public Connection connect() {
		try {
			return connect(DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot connect to PostgreSQL", ex);
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + database,
				properties);
	}

	public Map<String, String> settings() {
		return this.settings;
	}

	public Path logDirectory() {
		return this.logDirectory;
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
