package com.cti.processor;

import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a fresh database of the test JVM's embedded PostgreSQL, with
 * the admin service's tables that the processor reads (the processor migrates its own).
 */
class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = TestPostgres.newDatabase();
		TestSchemas.migrate(database, "admin");
		TestPropertyValues
			.of("spring.datasource.url=" + database, "spring.datasource.username=postgres",
					"spring.datasource.password=")
			.applyTo(context);
	}

}
