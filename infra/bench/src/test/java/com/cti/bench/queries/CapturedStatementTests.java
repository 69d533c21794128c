package com.cti.bench.queries;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapturedStatementTests {

	@Test
	void readsTheParametersOfALogEntry() {
		assertThat(CapturedStatement
			.parameters("Parameters: $1 = 'a3c1e5f0-0000-4000-8000-000000000001', $2 = NULL, $3 = '0', $4 = 'it''s'"))
			.containsExactly("a3c1e5f0-0000-4000-8000-000000000001", null, "0", "it's");
		assertThat(CapturedStatement.parameters(null)).isEmpty();
	}

	@Test
	void turnsNumberedPlaceholdersIntoJdbcOnesInOrder() {
		var statement = new CapturedStatement(
				"select call_id from calls where app_id = $1 and (cast($2 as timestamptz) is null or sort_at < $2) limit $3",
				java.util.Arrays.asList("app", null, "50"));
		assertThat(statement.jdbcSql()).isEqualTo(
				"select call_id from calls where app_id = ? and (cast(? as timestamptz) is null or sort_at < ?) limit ?");
		assertThat(statement.jdbcParameters()).containsExactly("app", null, null, "50");
	}

}
