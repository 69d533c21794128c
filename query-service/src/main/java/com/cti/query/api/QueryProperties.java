package com.cti.query.api;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the client API's database access.
 *
 * @param statementTimeout how long one query may run before PostgreSQL is asked to cancel
 * it ({@code CTI_QUERY_STATEMENT_TIMEOUT}, whole seconds, default 2s)
 */
@Validated
@ConfigurationProperties("cti.query")
public record QueryProperties(@DefaultValue("2s") @NotNull Duration statementTimeout) {

	public QueryProperties {
		if (statementTimeout.isNegative() || statementTimeout.isZero()) {
			throw new IllegalArgumentException("cti.query.statement-timeout must be positive");
		}
	}

}
