package com.cti.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DatabaseUrlEnvironmentPostProcessorTests {

	@Test
	void convertsRenderAndHerokuStyleUrl() {
		var settings = DatabaseUrlEnvironmentPostProcessor.datasourceSettings(
				Map.of("DATABASE_URL", "postgresql://cti:p%40ss:w@db.example.com:6543/cti?sslmode=require")::get);

		assertThat(settings)
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db.example.com:6543/cti?sslmode=require")
			.containsEntry("spring.datasource.username", "cti")
			.containsEntry("spring.datasource.password", "p@ss:w");
	}

	@Test
	void acceptsPostgresSchemeWithoutPort() {
		var settings = DatabaseUrlEnvironmentPostProcessor
			.datasourceSettings(Map.of("DATABASE_URL", "postgres://u:p@host/db")::get);

		assertThat(settings).containsEntry("spring.datasource.url", "jdbc:postgresql://host/db");
	}

	@Test
	void keepsJdbcUrlAsGivenWithSeparateCredentials() {
		var settings = DatabaseUrlEnvironmentPostProcessor.datasourceSettings(
				Map.of("DATABASE_URL", "jdbc:postgresql://h:5432/d", "DB_USER", "u", "DB_PASSWORD", "p")::get);

		assertThat(settings).containsEntry("spring.datasource.url", "jdbc:postgresql://h:5432/d")
			.containsEntry("spring.datasource.username", "u")
			.containsEntry("spring.datasource.password", "p");
	}

	@Test
	void buildsUrlFromSeedVariables() {
		var settings = DatabaseUrlEnvironmentPostProcessor.datasourceSettings(
				Map.of("DB_HOST", "pg", "DB_PORT", "5433", "DB_NAME", "cti", "DB_USER", "u", "DB_PASSWORD", "p")::get);

		assertThat(settings).containsEntry("spring.datasource.url", "jdbc:postgresql://pg:5433/cti")
			.containsEntry("spring.datasource.username", "u");
	}

	@Test
	void setsNothingWithoutDatabaseSettings() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.datasourceSettings(Map.<String, String>of()::get)).isEmpty();
	}

	@Test
	void rejectsOtherSchemes() {
		assertThatIllegalStateException()
			.isThrownBy(() -> DatabaseUrlEnvironmentPostProcessor
				.datasourceSettings(Map.of("DATABASE_URL", "mysql://u:p@h/d")::get))
			.withMessageContaining("DATABASE_URL");
	}

}
