package com.cti.query.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cti.query.api.Rows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the change log ({@code change_events}, written by the processor in the
 * transaction of each change): keeps the settled position (see {@link ChangeWatermark})
 * and serves each stream the changes of its app up to it.
 */
@Component
class ChangeFeed {

	/**
	 * How far below the newest change the first scan looks for transactions in flight.
	 */
	private static final long LOOKBACK = 10_000;

	private static final int SCAN_LIMIT = 10_000;

	private final JdbcClient jdbc;

	private final StreamProperties properties;

	private @Nullable ChangeWatermark watermark;

	private volatile long position = -1;

	private volatile long readyAt = Long.MAX_VALUE;

	ChangeFeed(JdbcClient jdbc, StreamProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * The settled position, or -1 while the first scans have not yet settled the newest
	 * changes that existed at start-up.
	 */
	long position() {
		return (this.position >= this.readyAt) ? this.position : -1;
	}

	boolean hasGaps() {
		return this.watermark != null && this.watermark.hasGaps();
	}

	/**
	 * Moves the position over newly committed changes (only one thread calls this).
	 * @return the apps that have changes between the old and the new position, or every
	 * app ({@code null}) when the feed just became ready
	 */
	synchronized @Nullable Set<UUID> scan() {
		boolean wasReady = position() >= 0;
		if (this.watermark == null) {
			long newest = newest();
			this.watermark = new ChangeWatermark(Math.max(0, newest - LOOKBACK), this.properties.gapTimeout());
			this.position = this.watermark.position();
			this.readyAt = newest;
		}
		Set<UUID> apps = new HashSet<>();
		while (true) {
			Scan scan = scanAfter(this.watermark.position());
			long before = this.watermark.position();
			long after = this.watermark.advance(scan.ids(), scan.xmin(), scan.xmax(), System.nanoTime());
			for (int i = 0; i < scan.ids().size() && scan.ids().get(i) <= after; i++) {
				apps.add(scan.apps().get(i));
			}
			this.position = after;
			if (scan.ids().size() < SCAN_LIMIT || after == before) {
				break;
			}
		}
		return (!wasReady && position() >= 0) ? null : apps;
	}

	private Scan scanAfter(long after) {
		List<Long> ids = new ArrayList<>();
		List<UUID> apps = new ArrayList<>();
		long[] snapshot = new long[2];
		this.jdbc.sql("""
				with snap as (select pg_current_snapshot() as s)
				select cast(cast(pg_snapshot_xmin(snap.s) as text) as bigint) as xmin,
				       cast(cast(pg_snapshot_xmax(snap.s) as text) as bigint) as xmax, c.id, c.app_id
				from snap left join lateral (
				    select id, app_id from change_events where id > :after order by id limit :limit) c on true
				order by c.id
				""").param("after", after).param("limit", SCAN_LIMIT).query((rs) -> {
			snapshot[0] = rs.getLong("xmin");
			snapshot[1] = rs.getLong("xmax");
			Long id = Rows.longOrNull(rs, "id");
			if (id != null) {
				ids.add(id);
				apps.add(rs.getObject("app_id", UUID.class));
			}
		});
		return new Scan(ids, apps, snapshot[0], snapshot[1]);
	}

	/** The app's changes after {@code after} up to {@code upTo}, oldest first. */
	List<Change> changes(UUID appId, long after, long upTo, int limit) {
		return this.jdbc.sql("""
				select id, type, resource_id from change_events
				where app_id = :appId and id > :after and id <= :upTo
				order by id limit :limit
				""")
			.param("appId", appId)
			.param("after", after)
			.param("upTo", upTo)
			.param("limit", limit)
			.query((rs, rowNum) -> new Change(rs.getLong("id"), rs.getString("type"), rs.getLong("resource_id")))
			.list();
	}

	/**
	 * When the app's first change after {@code after} happened, if it has one: tells
	 * whether a resume is within the retention window.
	 */
	Optional<Instant> firstChangeAfter(UUID appId, long after) {
		return this.jdbc.sql("""
				select occurred_at from change_events where app_id = :appId and id > :after order by id limit 1
				""")
			.param("appId", appId)
			.param("after", after)
			.query((rs, rowNum) -> Rows.instant(rs, "occurred_at"))
			.optional();
	}

	/** The newest change visible now, settled or not. */
	long newest() {
		return this.jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
	}

	/** The oldest change still stored: a resume from before it may have lost changes. */
	long oldestStored() {
		return this.jdbc.sql("select coalesce(min(id), 0) from change_events").query(Long.class).single();
	}

	/** One change: which resource changed, and its position in the log. */
	record Change(long id, String type, long resourceId) {
	}

	private record Scan(List<Long> ids, List<UUID> apps, long xmin, long xmax) {
	}

}
