package com.cti.platform;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTests {

	@Test
	void createsEveryTableOnAnEmptyDatabase() throws Exception {
		var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestPostgres.newDatabase(), "postgres",
				"");
		var result = Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(result.success).isTrue();
		var tables = JdbcClient.create(dataSource)
			.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("apps", "api_keys", "api_key_audit", "dialpad_webhooks", "dialpad_subscriptions",
				"webhook_events", "calls", "messages", "voicemails", "user_mappings", "change_events");
	}

}
