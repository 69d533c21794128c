package com.cti.platform.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.log.LogAccessor;

/**
 * Migrates a service's own Flyway folder into its own history table
 * ({@code spring.flyway.table}), on a schema that other owners migrate too.
 *
 * <p>
 * A database that the shared scripts of before migrated (one
 * {@code flyway_schema_history}, V1 to V7) already holds the service's tables in the
 * shape of its V1: its history is baselined at 1, and its later versions do what the
 * upgrade needs. A schema that holds no table of the service but other owners' tables is
 * baselined at 0, so that its V1 runs. Boot's baseline-on-migrate cannot tell the two
 * apart: on a shared schema, a non-empty schema says nothing about this owner's tables. A
 * session advisory lock per history table makes instances that start together take turns,
 * and lets {@link OwnerSchemaWait} see a migration as a whole.
 */
public class OwnedSchemaMigration implements FlywayMigrationStrategy {

	static final String LEGACY_HISTORY = "flyway_schema_history";

	static final String LEGACY_LAST_VERSION = "7";

	private static final LogAccessor logger = new LogAccessor(OwnedSchemaMigration.class);

	@Override
	public void migrate(Flyway flyway) {
		Configuration configuration = flyway.getConfiguration();
		String table = configuration.getTable();
		if (LEGACY_HISTORY.equalsIgnoreCase(table)) {
			flyway.migrate();
			return;
		}
		try (Connection connection = configuration.getDataSource().getConnection()) {
			connection.setAutoCommit(true);
			execute(connection, "select pg_advisory_lock(hashtext(?))", lockName(table));
			try {
				if (!exists(connection, qualified(configuration, table))) {
					boolean legacy = exists(connection, qualified(configuration, LEGACY_HISTORY));
					if (legacy) {
						requireLastLegacyVersion(connection, qualified(configuration, LEGACY_HISTORY));
					}
					baseline(flyway, legacy ? "1" : "0",
							legacy ? "tables created by the shared scripts up to V" + LEGACY_LAST_VERSION
									: "no table of this owner yet");
				}
				flyway.migrate();
			}
			finally {
				execute(connection, "select pg_advisory_unlock(hashtext(?))", lockName(table));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not migrate the schema of " + table + ": " + ex.getMessage(), ex);
		}
	}

	/** The name of the advisory lock that a migration into the history table holds. */
	static String lockName(String historyTable) {
		return "cti-schema:" + historyTable.toLowerCase(java.util.Locale.ROOT);
	}

	static boolean exists(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void requireLastLegacyVersion(Connection connection, String legacy) throws SQLException {
		String version = null;
		boolean failed = false;
		try (PreparedStatement statement = connection.prepareStatement(
				"select version, success from " + legacy + " where version is not null order by installed_rank desc");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				if (version == null) {
					version = result.getString(1);
				}
				failed |= !result.getBoolean(2);
			}
		}
		if (failed || !LEGACY_LAST_VERSION.equals(version)) {
			throw new IllegalStateException("The database was migrated by the shared Flyway scripts of before ("
					+ LEGACY_HISTORY + ") up to version " + version + (failed ? ", with a failed migration" : "")
					+ "; each service can take over its own tables only from version " + LEGACY_LAST_VERSION
					+ ", the last of those scripts. Migrate it to version " + LEGACY_LAST_VERSION
					+ " with the release before (or repair the failed migration) first.");
		}
	}

	private static void baseline(Flyway flyway, String version, String description) {
		logger.info(() -> "Starting the schema history " + flyway.getConfiguration().getTable() + " at version "
				+ version + " (" + description + ")");
		Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.baselineVersion(version)
			.baselineDescription(description)
			.load()
			.baseline();
	}

	private static String qualified(Configuration configuration, String table) {
		@Nullable String schema = configuration.getDefaultSchema();
		return (schema != null) ? schema + "." + table : table;
	}

	private static void execute(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			statement.execute();
		}
	}

}
