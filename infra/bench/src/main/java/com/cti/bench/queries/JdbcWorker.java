package com.cti.bench.queries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.cti.bench.load.Worker;
import org.jspecify.annotations.Nullable;

/**
 * The query ceiling: one JDBC connection replaying the statements the query service ran
 * for a request (the same SQL and parameter values), reading every column of every row.
 * Parameters are sent untyped, so PostgreSQL infers the same types it did for the
 * service.
 */
final class JdbcWorker implements Worker<List<CapturedStatement>> {

	private final Connection connection;

	private final List<List<CapturedStatement>> requests;

	private final SplittableRandom random;

	private final Map<String, PreparedStatement> prepared = new HashMap<>();

	JdbcWorker(Connection connection, List<List<CapturedStatement>> requests, long seed) {
		this.connection = connection;
		this.requests = requests;
		this.random = new SplittableRandom(seed);
	}

	@Override
	public List<CapturedStatement> prepare(long slot) {
		return this.requests.get(this.random.nextInt(this.requests.size()));
	}

	@Override
	public @Nullable String execute(List<CapturedStatement> statements, long scheduledNanos) throws SQLException {
		for (CapturedStatement statement : statements) {
			run(statement);
		}
		return null;
	}

	private void run(CapturedStatement statement) throws SQLException {
		String sql = statement.jdbcSql();
		PreparedStatement query = this.prepared.get(sql);
		if (query == null) {
			query = this.connection.prepareStatement(sql);
			this.prepared.put(sql, query);
		}
		List<@Nullable String> parameters = statement.jdbcParameters();
		for (int i = 0; i < parameters.size(); i++) {
			String value = parameters.get(i);
			if (value == null) {
				query.setNull(i + 1, Types.OTHER);
			}
			else {
				query.setObject(i + 1, value, Types.OTHER);
			}
		}
		try (ResultSet rows = query.executeQuery()) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int column = 1; column <= columns; column++) {
					rows.getObject(column);
				}
			}
		}
	}

	/** Kept open from one run to the next: {@link #disconnect()} closes it. */
	@Override
	public void close() {
	}

	void disconnect() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// closing anyway
		}
	}

}
