package com.cti.bench.queries;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlCaptureTests {

	@Test
	void takesTheSelectsOnCallsFromTheStatementLog() {
		CapturedStatement statement = SqlCapture.statement(
				"duration: 0.412 ms  execute S_3: select call_id, sort_at from calls\nwhere app_id = $1 limit $2",
				"Parameters: $1 = '00000000-0000-4000-8000-000000000001', $2 = '51'");
		assertThat(statement).isNotNull();
		assertThat(statement.sql()).isEqualTo("select call_id, sort_at from calls\nwhere app_id = $1 limit $2");
		assertThat(statement.parameters()).containsExactly("00000000-0000-4000-8000-000000000001", "51");
		assertThat(SqlCapture.statement("duration: 0.1 ms  statement: SELECT c.call_id FROM calls c", null))
			.isNotNull();
	}

	@Test
	void ignoresEverythingElse() {
		assertThat(SqlCapture.statement("duration: 0.1 ms  parse <unnamed>: select call_id from calls", null)).isNull();
		assertThat(SqlCapture.statement("duration: 0.1 ms  bind S_1: select call_id from calls", null)).isNull();
		assertThat(SqlCapture.statement(
				"duration: 0.1 ms  execute <unnamed>: select k.app_id from api_keys k join apps a on a.id = k.app_id",
				null))
			.isNull();
		assertThat(SqlCapture.statement(
				"duration: 0.1 ms  execute <unnamed>: select call_id from calls where app_id = $1 for update", null))
			.isNull();
		assertThat(SqlCapture.statement(
				"duration: 0.1 ms  execute <unnamed>: insert into calls (app_id) select app_id from calls_staging",
				null))
			.isNull();
		assertThat(SqlCapture.statement("checkpoint complete: wrote 3 buffers", null)).isNull();
	}

}
