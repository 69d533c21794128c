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

	/** Inserts (or replaces) a message as the processor would. */
	void insertMessage(UUID appId, long messageId, Instant createdAt, String direction, String from, String[] to,
			String status) {
		this.jdbc.sql("""
				insert into messages (app_id, message_id, direction, from_number, to_numbers, text, mms, is_internal,
				    contact_id, contact_name, contact_phone, target_id, target_type, target_name, status,
				    created_at, event_timestamp, raw_payload)
				values (:appId, :id, :direction, :from, :to, 'Your appointment is confirmed.', false, false,
				    5700000000000009, 'Chris Caller', :contactPhone, 5500000000000777, 'user', 'Agent', :status,
				    :createdAt, :eventTimestamp, cast('{}' as jsonb))
				on conflict (app_id, message_id) do update set status = excluded.status,
				    event_timestamp = excluded.event_timestamp, updated_at = now()
				""")
			.param("appId", appId)
			.param("id", messageId)
			.param("direction", direction)
			.param("from", from)
			.param("to", to)
			.param("contactPhone", direction.equals("inbound") ? from : to[0])
			.param("status", status)
			.param("createdAt", utc(createdAt))
			.param("eventTimestamp", createdAt.toEpochMilli())
			.update();
	}

	/** Inserts (or replaces) a voicemail as the processor would. */
	void insertVoicemail(UUID appId, long callId, Instant createdAt, String callerNumber, long targetId,
			@Nullable Long dialpadUserId, @Nullable String transcription) {
		this.jdbc.sql("""
				insert into voicemails (app_id, call_id, recording_id, caller_number, contact_id, contact_name,
				    target_id, target_type, target_name, dialpad_user_id, link, duration_ms, transcription_text,
				    created_at, event_timestamp)
				values (:appId, :callId, :callId + 1, :caller, 5700000000000009, 'Chris Caller', :targetId, 'user',
				    'Agent', :userId, 'https://dialpad.com/r/vm/' || :callId, 21000, :transcription, :createdAt,
				    :eventTimestamp)
				on conflict (app_id, call_id) do update set transcription_text = excluded.transcription_text,
				    event_timestamp = excluded.event_timestamp, updated_at = now()
				""")
			.param("appId", appId)
			.param("callId", callId)
			.param("caller", callerNumber)
			.param("targetId", targetId)
			.param("userId", dialpadUserId)
			.param("transcription", transcription)
			.param("createdAt", utc(createdAt))
			.param("eventTimestamp", createdAt.toEpochMilli())
			.update();
	}

	void mapUser(UUID appId, long dialpadUserId, String clientUserId) {
		this.jdbc.sql("""
				insert into user_mappings (app_id, dialpad_user_id, client_user_id) values (:appId, :dialpad, :client)
				on conflict (app_id, dialpad_user_id) do update set client_user_id = excluded.client_user_id
				""").param("appId", appId).param("dialpad", dialpadUserId).param("client", clientUserId).update();
	}

	/** Records a raw call event as the processor's event log does. */
	void insertCallEvent(UUID appId, long callId, String state, long eventTimestamp) {
		this.jdbc.sql("""
				insert into webhook_events (id, app_id, claimed_app_id, kind, resource_id, state, event_timestamp,
				    content_hash, payload, schema_version, received_at, processed, processed_at)
				values (:id, :appId, :appText, 'call', :callId, :state, :eventTimestamp, :hash, '{}', 1, now(), true,
				    now())
				""")
			.param("id", UUID.randomUUID())
			.param("appId", appId)
			.param("appText", appId.toString())
			.param("callId", callId)
			.param("state", state)
			.param("eventTimestamp", eventTimestamp)
			.param("hash", UUID.randomUUID().toString())
			.update();
	}

	/**
	 * Records a change and notifies the stream, as the processor does in the transaction
	 * of the change.
	 * @return the change's id (the SSE event id)
	 */
	long recordChange(UUID appId, String type, long resourceId) {
		long id = this.jdbc.sql("""
				insert into change_events (app_id, type, resource_id) values (:appId, :type, :resourceId) returning id
				""")
			.param("appId", appId)
			.param("type", type)
			.param("resourceId", resourceId)
			.query(Long.class)
			.single();
		this.jdbc.sql("select pg_notify('cti_changes', :appId)").param("appId", appId.toString()).query().singleRow();
		return id;
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
