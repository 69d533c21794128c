package com.cti.processor.changes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.cti.processor.merge.ColumnBatch;
import com.cti.processor.merge.ColumnBatch.Kind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the change feed ({@code change_events}, owned by the processor) that the query
 * service streams: one row per changed resource and batch, then one notification per app
 * on {@link #CHANNEL}, which PostgreSQL delivers when the transaction commits.
 */
@Repository
public class ChangeEventRepository {

	/** The notification channel; the payload is the app id. */
	public static final String CHANNEL = "cti_changes";

	private final JdbcClient jdbc;

	ChangeEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the changes of one transaction and queues one notification per app that has
	 * any. Must run inside that transaction.
	 */
	public void record(Map<UUID, ? extends Collection<ResourceChanged>> changesByApp) {
		changesByApp.forEach(this::record);
	}

	private void record(UUID appId, Collection<ResourceChanged> changes) {
		Set<ResourceChanged> unique = new LinkedHashSet<>(changes);
		if (unique.isEmpty()) {
			return;
		}
		ColumnBatch batch = new ColumnBatch().column("type", Kind.TEXT).column("resource_id", Kind.BIGINT);
		unique.forEach(
				(change) -> batch.row().set("type", change.type().wireName()).set("resource_id", change.resourceId()));
		Map<String, Object> parameters = batch.parameters();
		parameters.put("appId", appId);
		this.jdbc.sql("""
				insert into change_events (app_id, type, resource_id)
				select :appId, type, resource_id from (%s) as changes
				""".formatted(batch.select())).params(parameters).update();
		notifyApp(appId);
	}

	/**
	 * Queues the app's notification on {@link #CHANNEL}; PostgreSQL delivers it when the
	 * transaction commits, and only once per app however often it is queued.
	 */
	public void notifyApp(UUID appId) {
		this.jdbc.sql("select pg_notify(:channel, :appId)")
			.param("channel", CHANNEL)
			.param("appId", appId.toString())
			.query()
			.singleRow();
	}

}
