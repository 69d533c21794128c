package com.cti.query.api;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the client API's database access, checked at start-up. The statement
 * timeout is applied by configuration: {@code spring.jdbc.template.query-timeout} is set
 * from it in {@code application.yml}, so Boot's one {@code JdbcClient} has it.
 *
 * @param statementTimeout how long one query may run before PostgreSQL is asked to cancel
 * it ({@code CTI_QUERY_STATEMENT_TIMEOUT}, whole seconds, at least 1s, default 2s)
 */
@Validated
@ConfigurationProperties("cti.query")
public record QueryProperties(@DefaultValue("2s") @NotNull Duration statementTimeout) {

	public QueryProperties {
		// a JDBC query timeout is whole seconds; below one it would be none at all
		if (statementTimeout.toSeconds() < 1) {
			throw new IllegalArgumentException("cti.query.statement-timeout must be at least 1s");
		}
	}

}
