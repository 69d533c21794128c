package com.cti.platform.schema;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every service with a database {@link OwnedSchemaMigration} as its Flyway
 * strategy, and {@link OwnerSchemaWait} for the owners it names in
 * {@code cti.schema.requires}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = FlywayAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
public class SchemaAutoConfiguration {

	@Bean
	@ConditionalOnBean(DataSource.class)
	OwnerSchemaWait ownerSchemaWait(DataSource dataSource, @Value("${cti.schema.requires:}") List<String> owners,
			@Value("${cti.schema.wait-timeout:2m}") Duration timeout) {
		return new OwnerSchemaWait(dataSource, owners, timeout);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
	static class MigrationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FlywayMigrationStrategy ownedSchemaMigration() {
			return new OwnedSchemaMigration();
		}

	}

}
