package com.cti.processor.events;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

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
	 * Inserts the events that are not recorded yet and returns the ids of those it
	 * inserted.
	 */
	Set<UUID> insertNew(List<StoredEvent> events) {
		if (events.isEmpty()) {
			return Set.of();
		}
		StringJoiner rows = new StringJoiner(",\n");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < events.size(); i++) {
			StoredEvent event = events.get(i);
			String p = ":e" + i + "_";
			rows.add("(" + p + "id, " + p + "app, " + p + "claimed, " + p + "kind, " + p + "resource, " + p + "state, "
					+ p + "ts, " + p + "hash, " + p + "payload, " + p + "version, " + p + "received, " + p
					+ "processed, " + "case when " + p + "processed then now() end, " + p + "error)");
			params.put("e" + i + "_id", event.id());
			params.put("e" + i + "_app", event.appId());
			params.put("e" + i + "_claimed", event.claimedAppId());
			params.put("e" + i + "_kind", event.kind());
			params.put("e" + i + "_resource", event.resourceId());
			params.put("e" + i + "_state", event.state());
			params.put("e" + i + "_ts", event.eventTimestamp());
			params.put("e" + i + "_hash", event.contentHash());
			params.put("e" + i + "_payload", event.payload());
			params.put("e" + i + "_version", event.schemaVersion());
			params.put("e" + i + "_received", Timestamp.from(event.receivedAt()));
			params.put("e" + i + "_processed", event.processed());
			params.put("e" + i + "_error", event.error());
		}
		return Set.copyOf(this.jdbc.sql("""
				insert into webhook_events (id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp,
				    content_hash, payload, schema_version, received_at, processed, processed_at, processing_error)
				values %s
				on conflict do nothing
				returning id
				""".formatted(rows)).params(params).query(UUID.class).list());
	}

}
