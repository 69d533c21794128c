package com.cti.admin.support;

import java.util.Map;

import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at one fresh database of the embedded PostgreSQL, the same one
 * for every context of the test JVM (so that contexts can be cached and shared), with the
 * processor's and the query service's tables that the admin service reads (it migrates
 * its own).
 */
public class AdminTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static String url;

	/** The JDBC URL of the test database (user postgres, no password). */
	public static synchronized String url() {
		if (url == null) {
			url = TestPostgres.newDatabase();
			TestSchemas.migrate(url, "processor", "query");
		}
		return url;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("adminTestDatabase", Map.of("spring.datasource.url", url(),
					"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

}
