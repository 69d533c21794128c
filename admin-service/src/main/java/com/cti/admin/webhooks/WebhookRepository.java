package com.cti.admin.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code dialpad_webhooks}. At most one live (not deleted) webhook per
 * app: the schema's partial unique index holds it.
 */
@Repository
class WebhookRepository {

	private static final String COLUMNS = """
			id, app_id, dialpad_webhook_id, hook_url, signed, secret_source, secret_encrypted,
			previous_secret_encrypted, previous_secret_expires_at, created_at, updated_at""";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredWebhook> findLive(UUID appId) {
		return this.jdbc.sql("select " + COLUMNS + " from dialpad_webhooks where app_id = :app and deleted_at is null")
			.param("app", appId)
			.query(WebhookRepository::map)
			.optional();
	}

	Optional<StoredWebhook> findLiveByDialpadId(long dialpadWebhookId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from dialpad_webhooks where dialpad_webhook_id = :id and deleted_at is null")
			.param("id", dialpadWebhookId)
			.query(WebhookRepository::map)
			.optional();
	}

	List<StoredWebhook> findAllLive(@Nullable UUID appId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from dialpad_webhooks
				where deleted_at is null and (cast(:app as uuid) is null or app_id = :app)
				order by created_at desc, id desc
				""").param("app", appId).query(WebhookRepository::map).list();
	}

	void insert(StoredWebhook webhook) {
		// a Dialpad id kept on a deleted row (the webhook was adopted again) moves to the
		// new row
		this.jdbc.sql("""
				update dialpad_webhooks set dialpad_webhook_id = null
				where dialpad_webhook_id = :dialpadId and deleted_at is not null
				""").param("dialpadId", webhook.dialpadWebhookId()).update();
		this.jdbc.sql("""
				insert into dialpad_webhooks (id, app_id, dialpad_webhook_id, hook_url, signed, secret_source,
				                              secret_encrypted)
				values (:id, :app, :dialpadId, :hookUrl, :signed, :source, :secret)
				""")
			.param("id", webhook.id())
			.param("app", webhook.appId())
			.param("dialpadId", webhook.dialpadWebhookId())
			.param("hookUrl", webhook.hookUrl())
			.param("signed", webhook.signed())
			.param("source", webhook.secretSource())
			.param("secret", webhook.secretEncrypted())
			.update();
	}

	void updateSecrets(UUID id, String source, byte[] secret, byte @Nullable [] previousSecret,
			@Nullable Instant previousSecretExpiresAt) {
		this.jdbc.sql("""
				update dialpad_webhooks
				set secret_source = :source, secret_encrypted = :secret, previous_secret_encrypted = :previous,
				    previous_secret_expires_at = :expires, updated_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("source", source)
			.param("secret", secret)
			.param("previous", previousSecret)
			.param("expires",
					(previousSecretExpiresAt != null)
							? OffsetDateTime.ofInstant(previousSecretExpiresAt, ZoneOffset.UTC) : null)
			.update();
	}

	/** Marks the webhook and the subscriptions that delivered to it as deleted. */
	void markDeleted(UUID id) {
		this.jdbc.sql("""
				update dialpad_subscriptions set deleted_at = now(), updated_at = now()
				where webhook_id = :id and deleted_at is null
				""").param("id", id).update();
		this.jdbc.sql("update dialpad_webhooks set deleted_at = now(), updated_at = now() where id = :id")
			.param("id", id)
			.update();
	}

	private static StoredWebhook map(ResultSet rs, int row) throws SQLException {
		return new StoredWebhook(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
				rs.getLong("dialpad_webhook_id"), rs.getString("hook_url"), rs.getBoolean("signed"),
				rs.getString("secret_source"), rs.getBytes("secret_encrypted"),
				rs.getBytes("previous_secret_encrypted"), instant(rs, "previous_secret_expires_at"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
