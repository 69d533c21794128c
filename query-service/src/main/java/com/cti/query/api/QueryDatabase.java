package com.cti.query.api;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * The client API's way into PostgreSQL: a {@link JdbcClient} whose every statement has
 * the statement timeout (the JDBC query timeout, which the driver enforces by cancelling
 * the statement on the server). Kept apart from the application's {@code JdbcClient} so
 * that other services in the same process keep theirs unchanged.
 */
@Component
public class QueryDatabase {

	private final JdbcClient jdbc;

	QueryDatabase(DataSource dataSource, QueryProperties properties) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, (properties.statementTimeout().toMillis() + 999) / 1000));
		this.jdbc = JdbcClient.create(template);
	}

	public StatementSpec sql(String sql) {
		return this.jdbc.sql(sql);
	}

}
