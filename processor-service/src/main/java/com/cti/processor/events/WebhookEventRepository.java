package com.cti.processor.events;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.cti.processor.merge.SqlRows;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the raw event log, {@code webhook_events} (owned by the processor). An event is
 * recorded once per app and content hash: a redelivery changes nothing.
 */
@Repository
class WebhookEventRepository {

	private static final int PARAMETERS_PER_ROW = 13;

	private final JdbcClient jdbc;

	WebhookEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the events that are not recorded yet and returns the ids of those it
	 * inserted.
	 */
	Set<UUID> insertNew(List<StoredEvent> events) {
		Set<UUID> inserted = new HashSet<>();
		for (List<StoredEvent> chunk : SqlRows.chunks(events, PARAMETERS_PER_ROW)) {
			SqlRows rows = new SqlRows();
			for (StoredEvent event : chunk) {
				rows.row()
					.value(event.id())
					.value(nullable(event.appId()))
					.text(event.claimedAppId())
					.text(event.kind())
					.number(event.resourceId())
					.text(event.state())
					.number(event.eventTimestamp())
					.text(event.contentHash())
					.text(event.payload())
					.value(event.schemaVersion())
					.value(Timestamp.from(event.receivedAt()))
					.value(event.processed())
					.sql(event.processed() ? "now()" : "null")
					.text(event.error());
			}
			inserted.addAll(this.jdbc.sql("""
					insert into webhook_events (id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp,
					    content_hash, payload, schema_version, received_at, processed, processed_at, processing_error)
					values %s
					on conflict do nothing
					returning id
					""".formatted(rows.values())).params(rows.parameters()).query(UUID.class).list());
		}
		return inserted;
	}

	/**
	 * Marks the originals of re-published events as resolved (processed, with the row
	 * that now holds the event), unless they already are.
	 */
	void resolve(List<Replay> replays) {
		if (replays.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					update webhook_events original
					set resolved_by = applied.id, resolved_at = now(), processed = true,
					    processed_at = coalesce(original.processed_at, now())
					from unnest(:originals, :appIds, :hashes) as replay (original_id, app_id, content_hash)
					join webhook_events applied on applied.app_id = replay.app_id and applied.content_hash = replay.content_hash
					where original.id = replay.original_id and original.resolved_at is null and original.id <> applied.id
					""")
			.param("originals", replays.stream().map(Replay::original).toArray(UUID[]::new))
			.param("appIds", replays.stream().map(Replay::appId).toArray(UUID[]::new))
			.param("hashes", replays.stream().map(Replay::contentHash).toArray(String[]::new))
			.update();
	}

	private static SqlParameterValue nullable(@Nullable UUID appId) {
		return new SqlParameterValue(Types.OTHER, appId);
	}

}
