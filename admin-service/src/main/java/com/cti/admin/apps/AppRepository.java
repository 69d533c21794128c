package com.cti.admin.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes {@code apps} (owned by the admin service), and reads the processor's
 * {@code app_purges}.
 */
@Repository
class AppRepository {

	private final JdbcClient jdbc;

	AppRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID appId, String name) {
		this.jdbc.sql("insert into apps (id, name) values (:id, :name)")
			.param("id", appId)
			.param("name", name)
			.update();
	}

	/**
	 * Locks the app's row until the transaction ends, so that key operations on one app
	 * happen one after the other.
	 * @return whether the app is enabled; empty when there is no such app
	 */
	Optional<Boolean> lock(UUID appId) {
		return this.jdbc.sql("select enabled from apps where id = :id for update")
			.param("id", appId)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * Records that the app's data is to be purged (the first request's time stays) and
	 * returns that time.
	 */
	Instant requestPurge(UUID appId) {
		return this.jdbc.sql("""
				update apps set purge_requested_at = coalesce(purge_requested_at, now()), updated_at = now()
				where id = :id
				returning purge_requested_at
				""").param("id", appId).query(OffsetDateTime.class).single().toInstant();
	}

	/** Whether the processor has purged the app's data. */
	boolean isPurged(UUID appId) {
		return this.jdbc.sql("select exists (select 1 from app_purges where app_id = :id)")
			.param("id", appId)
			.query(Boolean.class)
			.single();
	}

	/** When a purge of the app's data was requested, if it was. */
	Optional<Instant> purgeRequestedAt(UUID appId) {
		return this.jdbc.sql("select purge_requested_at from apps where id = :id and purge_requested_at is not null")
			.param("id", appId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Whether a purge of the app's data was requested. */
	boolean isPurgeRequested(UUID appId) {
		return this.jdbc.sql("select purge_requested_at is not null from apps where id = :id")
			.param("id", appId)
			.query(Boolean.class)
			.single();
	}

	void rename(UUID appId, String name) {
		this.jdbc.sql("update apps set name = :name, updated_at = now() where id = :id")
			.param("id", appId)
			.param("name", name)
			.update();
	}

	/** Enables or disables the app; true when that changed something. */
	boolean setEnabled(UUID appId, boolean enabled) {
		return this.jdbc.sql("""
				update apps
				set enabled = :enabled, updated_at = now(), disabled_at = case when :enabled then null else now() end
				where id = :id and enabled <> :enabled
				""").param("id", appId).param("enabled", enabled).update() > 0;
	}

}
