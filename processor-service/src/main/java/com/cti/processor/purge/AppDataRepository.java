package com.cti.processor.purge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes an app's rows from the tables the processor owns, and records the purge in
 * {@code app_purges} (the processor's too). It reads the admin service's
 * {@code apps.purge_requested_at}, never writes it.
 */
@Repository
class AppDataRepository {

	private final JdbcClient jdbc;

	AppDataRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that the app is purged when its purge was requested; the first purge's time
	 * and requester stay.
	 * @param requestedBy who asked (the admin API's actor)
	 * @return when it was purged; empty when there is no such app or no committed request
	 */
	Optional<Instant> recordPurge(UUID appId, String requestedBy) {
		return this.jdbc.sql("""
				insert into app_purges (app_id, requested_by)
				select id, :requestedBy from apps where id = :id and purge_requested_at is not null
				on conflict (app_id) do update set purged_at = app_purges.purged_at
				returning purged_at
				""")
			.param("id", appId)
			.param("requestedBy", requestedBy)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Deletes every row of the app; returns how many from each table. */
	Map<String, Integer> deleteAll(UUID appId) {
		Map<String, Integer> deleted = new LinkedHashMap<>();
		deleted.put("change_events", delete("delete from change_events where app_id = :app", appId));
		deleted.put("voicemails", delete("delete from voicemails where app_id = :app", appId));
		deleted.put("calls", delete("delete from calls where app_id = :app", appId));
		deleted.put("messages", delete("delete from messages where app_id = :app", appId));
		// the app's events, the parked events that named it, and the originals of
		// re-published events that were applied to it (resolved_by points at them)
		deleted.put("webhook_events", delete("""
				with recursive doomed (id) as (
				    select id from webhook_events where app_id = :app or claimed_app_id = :appText
				    union
				    select e.id from webhook_events e join doomed d on e.resolved_by = d.id
				)
				delete from webhook_events where id in (select id from doomed)
				""", appId));
		return deleted;
	}

	private int delete(String sql, UUID appId) {
		var statement = this.jdbc.sql(sql).param("app", appId);
		if (sql.contains(":appText")) {
			statement = statement.param("appText", appId.toString());
		}
		return statement.update();
	}

}
