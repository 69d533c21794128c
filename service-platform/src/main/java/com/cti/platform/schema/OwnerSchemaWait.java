package com.cti.platform.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * Holds a service's start-up until the owners whose tables it reads
 * ({@code cti.schema.requires}) have migrated them: a service may start before them
 * (deployments start every service at once). It runs first of the lifecycle, so the web
 * server, the Kafka listeners and the readiness report wait for it; after
 * {@code cti.schema.wait-timeout} ({@code CTI_SCHEMA_WAIT_TIMEOUT}) start-up fails. An
 * owner has migrated when its history table {@code flyway_history_<owner>} has a
 * successful migration and no migration into it is running ({@link OwnedSchemaMigration}
 * holds its lock).
 */
public class OwnerSchemaWait implements SmartLifecycle {

	private static final LogAccessor logger = new LogAccessor(OwnerSchemaWait.class);

	private static final Duration POLL = Duration.ofMillis(250);

	private final DataSource dataSource;

	private final List<String> owners;

	private final Duration timeout;

	private volatile boolean running;

	public OwnerSchemaWait(DataSource dataSource, List<String> owners, Duration timeout) {
		this.dataSource = dataSource;
		this.owners = owners.stream().map(String::trim).filter((owner) -> !owner.isEmpty()).toList();
		this.timeout = timeout;
	}

	/** The history table of an owner's migrations. */
	public static String historyTable(String owner) {
		return "flyway_history_" + owner;
	}

	@Override
	public void start() {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<String> missing = new ArrayList<>(this.owners);
		@Nullable String lastError = null;
		boolean told = false;
		while (!missing.isEmpty()) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				missing.removeIf((owner) -> migrated(connection, historyTable(owner)));
				lastError = null;
			}
			catch (SQLException | RuntimeException ex) {
				lastError = ex.getMessage();
			}
			if (missing.isEmpty()) {
				break;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IllegalStateException("The tables of " + String.join(", ", missing)
						+ " that this service reads are not there after " + this.timeout + ": no migration in "
						+ String.join(", ", missing.stream().map(OwnerSchemaWait::historyTable).toList())
						+ ((lastError != null) ? " (last error: " + lastError + ")" : "") + ". Start "
						+ String.join(", ", missing)
						+ " (each service migrates its own tables), or give it longer with CTI_SCHEMA_WAIT_TIMEOUT.");
			}
			if (!told) {
				logger.info(() -> "Waiting up to " + this.timeout + " for the tables of " + String.join(", ", missing));
				told = true;
			}
			sleep();
		}
		this.running = true;
	}

	private static boolean migrated(Connection connection, String history) {
		try {
			if (!OwnedSchemaMigration.exists(connection, history)) {
				return false;
			}
			String lock = OwnedSchemaMigration.lockName(history);
			if (!bool(connection, "select pg_try_advisory_lock_shared(hashtext(?))", lock)) {
				return false;
			}
			try {
				try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from " + history
						+ " where success and version is not null and version <> '0')");
						ResultSet result = statement.executeQuery()) {
					return result.next() && result.getBoolean(1);
				}
			}
			finally {
				bool(connection, "select pg_advisory_unlock_shared(hashtext(?))", lock);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static boolean bool(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the tables of other services", ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before every other lifecycle: the web server, the Kafka listeners. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1;
	}

}
