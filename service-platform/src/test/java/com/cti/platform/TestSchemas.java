package com.cti.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import com.cti.platform.schema.OwnedSchemaMigration;
import com.cti.platform.schema.OwnerSchemaWait;
import org.flywaydb.core.Flyway;

/**
 * Migrates the tables of other owners into a test database, as those services would when
 * they start: each owner's own Flyway folder, read from its module's sources (a test of
 * one service does not have the others on its class path), into its own history table.
 */
public final class TestSchemas {

	private TestSchemas() {
	}

	/**
	 * Migrates the owners' folders, in order, into the database (user postgres).
	 * @param owners {@code admin}, {@code processor}, {@code query}
	 */
	public static void migrate(String databaseUrl, String... owners) {
		for (String owner : owners) {
			new OwnedSchemaMigration().migrate(flyway(databaseUrl, owner));
		}
	}

	/** A Flyway of the owner's own folder and history table. */
	public static Flyway flyway(String databaseUrl, String owner) {
		return Flyway.configure()
			.dataSource(databaseUrl, "postgres", "")
			.locations("filesystem:" + folder(owner))
			.table(OwnerSchemaWait.historyTable(owner))
			.load();
	}

	/** The owner's Flyway folder in its module's sources. */
	public static Path folder(String owner) {
		Path folder = repository().resolve(owner + "-service/src/main/resources/db/migration/" + owner);
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("No migrations of " + owner + " at " + folder);
		}
		return folder;
	}

	private static Path repository() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isDirectory(directory.resolve("service-platform"))
					&& Files.isRegularFile(directory.resolve("pom.xml"))) {
				return directory;
			}
		}
		throw new IllegalStateException("Not inside the repository: " + Path.of("").toAbsolutePath());
	}

}
