package com.cti.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes rows the way the admin service and the processor do (see V1), straight with SQL.
 */
final class TestData {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	TestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID newApp() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into apps (id, name) values (:id, :name)")
			.param("id", id)
			.param("name", "app " + id)
			.update();
		return id;
	}

	/** Issues a key for the app and returns it in clear, as the admin API does once. */
	String issueKey(UUID appId) {
		return issueKey(appId, null);
	}

	String issueKey(UUID appId, @Nullable Instant expiresAt) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String key = "cti_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into api_keys (id, app_id, prefix, key_hash, expires_at, rotated_at)
				values (:id, :appId, :prefix, :hash, :expiresAt, :rotatedAt)
				""")
			.param("id", UUID.randomUUID())
			.param("appId", appId)
			.param("prefix", key.substring(0, 12))
			.param("hash", sha256(key))
			.param("expiresAt", utc(expiresAt))
			.param("rotatedAt", (expiresAt != null) ? utc(Instant.now()) : null)
			.update();
		return key;
	}

	void revoke(String key) {
		this.jdbc.sql("update api_keys set revoked_at = now() where key_hash = :hash")
			.param("hash", sha256(key))
			.update();
	}

	void disableApp(UUID appId) {
		this.jdbc.sql("update apps set enabled = false, disabled_at = now() where id = :id")
			.param("id", appId)
			.update();
	}

	UUID keyId(String key) {
		return this.jdbc.sql("select id from api_keys where key_hash = :hash")
			.param("hash", sha256(key))
			.query(UUID.class)
			.single();
	}

	/** Inserts (or replaces) a call leg as the processor would. */
	void insertCall(CallRow call) {
		this.jdbc
			.sql("""
					insert into calls (app_id, call_id, conversation_id, master_call_id, entry_point_call_id, operator_call_id,
					    direction, state, external_number, internal_number, contact_id, contact_name, contact_type,
					    contact_phone, target_id, target_name, target_type, target_phone, dialpad_user_id, client_user_id,
					    started_at, connected_at, ended_at, duration_ms, talk_time_ms, hold_time_ms, states_seen, is_active,
					    answered, missed, has_voicemail, transferred, recorded, voicemail_link, transcription_text,
					    event_timestamp, raw_payload)
					values (:appId, :callId, :conversationId, :masterCallId, :entryPointCallId, :operatorCallId,
					    :direction, :state, :externalNumber, :internalNumber, 5700000000000009, 'Chris Caller', 'local',
					    :externalNumber, :targetId, 'Billing', :targetType, :internalNumber, :dialpadUserId, :clientUserId,
					    :startedAt, :connectedAt, :endedAt, :durationMs, :durationMs, 0, :statesSeen, :active,
					    :answered, :missed, :hasVoicemail, false, :recorded, :voicemailLink, null,
					    :eventTimestamp, cast(:rawPayload as jsonb))
					on conflict (app_id, call_id) do update set state = excluded.state, is_active = excluded.is_active,
					    answered = excluded.answered, missed = excluded.missed, has_voicemail = excluded.has_voicemail,
					    recorded = excluded.recorded, connected_at = excluded.connected_at, ended_at = excluded.ended_at,
					    duration_ms = excluded.duration_ms, talk_time_ms = excluded.talk_time_ms,
					    states_seen = excluded.states_seen, event_timestamp = excluded.event_timestamp,
					    started_at = excluded.started_at, conversation_id = excluded.conversation_id, updated_at = now()
					""")
			.param("appId", call.appId)
			.param("callId", call.callId)
			.param("conversationId", call.conversationId)
			.param("masterCallId", call.masterCallId)
			.param("entryPointCallId", call.entryPointCallId)
			.param("operatorCallId", call.operatorCallId)
			.param("direction", call.direction)
			.param("state", call.state)
			.param("externalNumber", call.externalNumber)
			.param("internalNumber", call.internalNumber)
			.param("targetId", call.targetId)
			.param("targetType", call.targetType)
			.param("dialpadUserId", call.dialpadUserId)
			.param("clientUserId", call.clientUserId)
			.param("startedAt", utc(call.startedAt))
			.param("connectedAt", utc(call.connectedAt))
			.param("endedAt", utc(call.endedAt))
			.param("durationMs", call.durationMs)
			.param("statesSeen", call.statesSeen)
			.param("active", call.active)
			.param("answered", call.answered)
			.param("missed", call.missed)
			.param("hasVoicemail", call.hasVoicemail)
			.param("recorded", call.recorded)
			.param("voicemailLink", call.hasVoicemail ? "https://dialpad.com/r/vm/" + call.callId : null)
			.param("eventTimestamp", call.eventTimestamp)
			.param("rawPayload", "{\"call_id\": " + call.callId + ", \"state\": \"" + call.state + "\"}")
			.update();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
