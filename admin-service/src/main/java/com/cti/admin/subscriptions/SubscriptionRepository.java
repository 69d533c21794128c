package com.cti.admin.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code dialpad_subscriptions} (live rows: not deleted).
 */
@Repository
class SubscriptionRepository {

	private static final String SELECT = """
			select s.id, s.app_id, s.webhook_id, w.dialpad_webhook_id, s.dialpad_subscription_id, s.type,
			       s.settings::text as settings, s.enabled, s.created_at, s.updated_at
			from dialpad_subscriptions s join dialpad_webhooks w on w.id = s.webhook_id
			where s.deleted_at is null
			""";

	private static final JsonMapper json = JsonMapper.shared();

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredSubscription> find(SubscriptionType type, long dialpadSubscriptionId) {
		return this.jdbc.sql(SELECT + " and s.type = :type and s.dialpad_subscription_id = :id")
			.param("type", type.wireName())
			.param("id", dialpadSubscriptionId)
			.query(SubscriptionRepository::map)
			.optional();
	}

	List<StoredSubscription> findAll(@Nullable UUID appId, @Nullable SubscriptionType type) {
		return this.jdbc.sql(SELECT + """
				 and (cast(:app as uuid) is null or s.app_id = cast(:app as uuid))
				 and (cast(:type as text) is null or s.type = cast(:type as text))
				order by s.created_at, s.id
				""")
			.param("app", appId)
			.param("type", (type != null) ? type.wireName() : null)
			.query(SubscriptionRepository::map)
			.list();
	}

	/**
	 * Records a subscription; one recorded before under the same Dialpad id (deleted here
	 * since) comes back to life with these values.
	 */
	void save(UUID appId, UUID webhookId, long dialpadSubscriptionId, SubscriptionType type,
			SubscriptionSettings settings, boolean enabled) {
		this.jdbc.sql("""
				insert into dialpad_subscriptions (id, app_id, webhook_id, dialpad_subscription_id, type, settings,
				                                   enabled)
				values (:id, :app, :webhook, :dialpadId, :type, cast(:settings as jsonb), :enabled)
				on conflict (type, dialpad_subscription_id) do update
				set app_id = excluded.app_id, webhook_id = excluded.webhook_id, settings = excluded.settings,
				    enabled = excluded.enabled, deleted_at = null, updated_at = now()
				""")
			.param("id", UUID.randomUUID())
			.param("app", appId)
			.param("webhook", webhookId)
			.param("dialpadId", dialpadSubscriptionId)
			.param("type", type.wireName())
			.param("settings", json.writeValueAsString(settings))
			.param("enabled", enabled)
			.update();
	}

	void update(UUID id, SubscriptionSettings settings, boolean enabled) {
		this.jdbc.sql("""
				update dialpad_subscriptions
				set settings = cast(:settings as jsonb), enabled = :enabled, updated_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("settings", json.writeValueAsString(settings))
			.param("enabled", enabled)
			.update();
	}

	void markDeleted(UUID id) {
		this.jdbc.sql("update dialpad_subscriptions set deleted_at = now(), updated_at = now() where id = :id")
			.param("id", id)
			.update();
	}

	private static StoredSubscription map(ResultSet rs, int row) throws SQLException {
		return new StoredSubscription(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
				rs.getObject("webhook_id", UUID.class), rs.getLong("dialpad_webhook_id"),
				rs.getLong("dialpad_subscription_id"), SubscriptionType.fromPath(rs.getString("type")),
				json.readValue(rs.getString("settings"), SubscriptionSettings.class), rs.getBoolean("enabled"),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
	}

}
