package com.cti.processor.events;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serializes the transactions that apply one app's events, across threads and processor
 * instances: a transaction-scoped advisory lock per app, taken before any row of the app
 * is touched (in app id order, so two batches never wait on each other in a cycle).
 *
 * <p>
 * Without it, two instances projecting two legs of one conversation at once could each
 * miss the other's uncommitted leg and leave them in two conversations. It also makes an
 * app's {@code change_events} ids grow in commit order, and a purge of an app waits for
 * the batch of its events being applied.
 */
@Component
public class AppLocks {

	/** The advisory lock namespace of the processor ("CTI"). */
	private static final int NAMESPACE = 0x435449;

	private final JdbcClient jdbc;

	AppLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the apps until the current transaction ends. */
	public void lock(Collection<UUID> appIds) {
		appIds.stream()
			.distinct()
			.sorted()
			.forEach((appId) -> this.jdbc.sql("select pg_advisory_xact_lock(:namespace, hashtext(:appId))")
				.param("namespace", NAMESPACE)
				.param("appId", appId.toString())
				.query()
				.singleRow());
	}

}
