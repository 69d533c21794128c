package com.cti.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.cti.platform.schema.OwnerSchemaWait;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OwnerSchemaWaitTests {

	@Test
	void startsOnceTheOwnerHasMigratedItsTables() throws Exception {
		String database = TestPostgres.newDatabase();
		TestSchemas.migrate(database, "processor");
		var wait = new OwnerSchemaWait(dataSource(database), List.of("admin", "processor"), Duration.ofMinutes(1));

		CompletableFuture<Void> started = CompletableFuture.runAsync(wait::start);
		Thread.sleep(1500);
		assertThat(started).isNotDone();
		CompletableFuture.runAsync(() -> TestSchemas.migrate(database, "admin")).get(30, TimeUnit.SECONDS);

		started.get(10, TimeUnit.SECONDS);
		assertThat(wait.isRunning()).isTrue();
	}

	@Test
	void failsWithTheMissingOwnerAfterTheTimeout() {
		String database = TestPostgres.newDatabase();
		TestSchemas.migrate(database, "query");
		var wait = new OwnerSchemaWait(dataSource(database), List.of("query", "admin"), Duration.ofSeconds(1));

		assertThatIllegalStateException().isThrownBy(wait::start)
			.withMessageContaining("The tables of admin")
			.withMessageContaining("flyway_history_admin")
			.withMessageContaining("CTI_SCHEMA_WAIT_TIMEOUT");
		assertThat(wait.isRunning()).isFalse();
	}

	@Test
	void requiresNothingWhenNoOwnerIsNamed() {
		var wait = new OwnerSchemaWait(dataSource(TestPostgres.newDatabase()), List.of(" "), Duration.ofSeconds(1));

		wait.start();

		assertThat(wait.isRunning()).isTrue();
	}

	private static SimpleDriverDataSource dataSource(String database) {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), database, "postgres", "");
	}

}
