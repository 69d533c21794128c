package com.cti.processor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cti.processor.changes.ChangeEventRetention;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed's retention deletes the rows older than the cutoff, however many, and
 * keeps every newer one.
 */
@ProcessorIntegrationTest
class ChangeEventRetentionIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChangeEventRetention retention;

	@Test
	void deletesRowsOlderThanTheCutoffOnly() {
		UUID app = new TestData(this.jdbc).newApp();
		Instant now = Instant.now();
		insert(app, 25_000, now.minus(Duration.ofHours(72)));
		insert(app, 3, now.minus(Duration.ofHours(47)));
		insert(app, 2, now);

		long deleted = this.retention.deleteOlderThan(now.minus(Duration.ofHours(48)));

		assertThat(deleted).isEqualTo(25_000);
		List<Instant> kept = this.jdbc.sql("select occurred_at from change_events where app_id = :app order by id")
			.param("app", app)
			.query(Instant.class)
			.list();
		assertThat(kept).hasSize(5).allMatch((occurredAt) -> occurredAt.isAfter(now.minus(Duration.ofHours(48))));
		assertThat(this.retention.deleteOlderThan(now.minus(Duration.ofHours(48)))).isZero();
	}

	private void insert(UUID app, int rows, Instant occurredAt) {
		this.jdbc.sql("""
				insert into change_events (app_id, type, resource_id, occurred_at)
				select :app, 'call', n, :occurredAt from generate_series(1, :rows) as n
				""").param("app", app).param("occurredAt", Timestamp.from(occurredAt)).param("rows", rows).update();
	}

}
