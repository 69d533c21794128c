package com.cti.processor.events;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cti.processor.merge.ColumnBatch;
import com.cti.processor.merge.ColumnBatch.Kind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the raw event log, {@code webhook_events} (owned by the processor). An event is
 * recorded once per app and content hash: a redelivery changes nothing.
 */
@Repository
class WebhookEventRepository {

	private final JdbcClient jdbc;

	WebhookEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the events that are not recorded yet, in one statement, and returns the ids
	 * of those it inserted.
	 */
	Set<UUID> insertNew(List<StoredEvent> events) {
		if (events.isEmpty()) {
			return Set.of();
		}
		ColumnBatch batch = new ColumnBatch().column("id", Kind.UUID)
			.column("app_id", Kind.UUID)
			.column("claimed_app_id", Kind.TEXT)
			.column("kind", Kind.TEXT)
			.column("resource_id", Kind.BIGINT)
			.column("state", Kind.TEXT)
			.column("event_timestamp", Kind.BIGINT)
			.column("content_hash", Kind.TEXT)
			.column("payload", Kind.TEXT)
			.column("schema_version", Kind.BIGINT)
			.column("received_at", Kind.TIMESTAMP)
			.column("processed", Kind.BOOLEAN)
			.column("processing_error", Kind.TEXT);
		for (StoredEvent event : events) {
			batch.row()
				.set("id", event.id())
				.set("app_id", event.appId())
				.set("claimed_app_id", event.claimedAppId())
				.set("kind", event.kind())
				.set("resource_id", event.resourceId())
				.set("state", event.state())
				.set("event_timestamp", event.eventTimestamp())
				.set("content_hash", event.contentHash())
				.set("payload", event.payload())
				.set("schema_version", event.schemaVersion())
				.set("received_at", event.receivedAt())
				.set("processed", event.processed())
				.set("processing_error", event.error());
		}
		return new HashSet<>(this.jdbc.sql("""
				insert into webhook_events (id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp,
				    content_hash, payload, schema_version, received_at, processed, processed_at, processing_error)
				select id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp, content_hash, payload,
				       schema_version, received_at, processed, case when processed then now() end, processing_error
				from (%s) as events
				on conflict do nothing
				returning id
				""".formatted(batch.select())).params(batch.parameters()).query(UUID.class).list());
	}

	/** An event of the log, to apply it again. */
	Optional<OriginalEvent> find(UUID id) {
		return this.jdbc.sql("select id, app_id, kind, payload, content_hash from webhook_events where id = :id")
			.param("id", id)
			.query((rs, n) -> new OriginalEvent(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
					rs.getString("kind"), rs.getString("payload"), rs.getString("content_hash")))
			.optional();
	}

	/**
	 * Marks the originals of events applied again (assigned or replayed) as resolved
	 * (processed, with the row that now holds the event), unless they already are.
	 */
	void resolve(List<Replay> replays) {
		if (replays.isEmpty()) {
			return;
		}
		ColumnBatch batch = new ColumnBatch().column("original_id", Kind.UUID)
			.column("app_id", Kind.UUID)
			.column("content_hash", Kind.TEXT);
		replays.forEach((replay) -> batch.row()
			.set("original_id", replay.original())
			.set("app_id", replay.appId())
			.set("content_hash", replay.contentHash()));
		Map<String, Object> parameters = batch.parameters();
		this.jdbc
			.sql("""
					update webhook_events original
					set resolved_by = applied.id, resolved_at = now(), processed = true,
					    processed_at = coalesce(original.processed_at, now())
					from (%s) as replay
					join webhook_events applied on applied.app_id = replay.app_id and applied.content_hash = replay.content_hash
					where original.id = replay.original_id and original.resolved_at is null and original.id <> applied.id
					"""
				.formatted(batch.select()))
			.params(parameters)
			.update();
	}

}
