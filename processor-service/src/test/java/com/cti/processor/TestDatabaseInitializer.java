package com.cti.processor;

import com.cti.platform.TestPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a fresh database of the test JVM's embedded PostgreSQL.
 */
class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues
			.of("spring.datasource.url=" + TestPostgres.newDatabase(), "spring.datasource.username=postgres",
					"spring.datasource.password=")
			.applyTo(context);
	}

}
