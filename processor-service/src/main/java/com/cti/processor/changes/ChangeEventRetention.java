package com.cti.processor.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.cti.processor.config.ProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the change feed bounded: every
 * {@code cti.processor.change-events-cleanup-interval} it deletes the
 * {@code change_events} rows older than {@code cti.processor.change-events-retention} (48
 * h, twice the query service's resume window), a bounded chunk per statement so that no
 * statement holds many rows. Several processor instances may run it at once: the deletes
 * are idempotent.
 */
@Component
public class ChangeEventRetention {

	private static final Logger logger = LoggerFactory.getLogger(ChangeEventRetention.class);

	private static final int CHUNK = 10_000;

	private final JdbcClient jdbc;

	private final Duration retention;

	private final Clock clock;

	ChangeEventRetention(JdbcClient jdbc, ProcessorProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.retention = properties.changeEventsRetention();
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${cti.processor.change-events-cleanup-interval:10m}",
			fixedDelayString = "${cti.processor.change-events-cleanup-interval:10m}")
	void deleteExpired() {
		long deleted = deleteOlderThan(this.clock.instant().minus(this.retention));
		if (deleted > 0) {
			logger.info("Deleted {} change-feed rows older than {}", deleted, this.retention);
		}
	}

	/**
	 * Deletes the rows that occurred before the cutoff.
	 * @param cutoff the oldest time kept
	 * @return how many rows were deleted
	 */
	public long deleteOlderThan(Instant cutoff) {
		long total = 0;
		int deleted;
		do {
			// ids grow with time: the primary key's order finds the old rows first
			deleted = this.jdbc.sql("""
					delete from change_events where id in (
					    select id from change_events where occurred_at < :cutoff order by id limit :chunk)
					""")
				.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
				.param("chunk", CHUNK)
				.update();
			total += deleted;
		}
		while (deleted == CHUNK);
		return total;
	}

}
