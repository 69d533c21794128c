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
					    :direction, :state, :externalNumber, :internalNumber, 5700000000000009, :contactName, 'local',
					    :externalNumber, :targetId, 'Billing', :targetType, :internalNumber, :dialpadUserId, :clientUserId,
					    :startedAt, :connectedAt, :endedAt, :durationMs, :durationMs, 0, :statesSeen, :active,
					    :answered, :missed, :hasVoicemail, false, :recorded, :voicemailLink, null,
					    :eventTimestamp, cast(:rawPayload as jsonb))
					on conflict (app_id, call_id) do update set state = excluded.state, is_active = excluded.is_active,
					    answered = excluded.answered, missed = excluded.missed, has_voicemail = excluded.has_voicemail,
					    recorded = excluded.recorded, connected_at = excluded.connected_at, ended_at = excluded.ended_at,
					    duration_ms = excluded.duration_ms, talk_time_ms = excluded.talk_time_ms,
					    states_seen = excluded.states_seen, event_timestamp = excluded.event_timestamp,
					    started_at = excluded.started_at, conversation_id = excluded.conversation_id,
					   direction = excluded.direction, external_number = excluded.external_number,
					   internal_number = excluded.internal_number, contact_name = excluded.contact_name,
					   target_id = excluded.target_id, target_type = excluded.target_type,
					   dialpad_user_id = excluded.dialpad_user_id, voicemail_link = excluded.voicemail_link,
					   master_call_id = excluded.master_call_id, entry_point_call_id = excluded.entry_point_call_id,
					   operator_call_id = excluded.operator_call_id, updated_at = now()
					""")
			.param("appId", call.appId)
			.param("callId", call.callId)
			.param("conversationId", call.conversationId)
			.param("masterCallId", call.masterCallId)
			.param("entryPointCallId", call.entryPointCallId)
			.param("operatorCallId", call.operatorCallId)
			.param("direction", call.direction)
			.param("state", call.state)
			.param("contactName", call.contactName)
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

	/**
	 * Inserts {@code count} ended calls with ids from {@code firstId}, {@code perSecond}
	 * of them starting in the same second (ties broken by id); every tenth has no start
	 * time and sorts by its event time.
	 */
	void insertCalls(UUID appId, long firstId, int count, Instant firstStart, int perSecond) {
		this.jdbc.sql("""
				insert into calls (app_id, call_id, conversation_id, direction, state, external_number, internal_number,
				    started_at, ended_at, duration_ms, answered, missed, event_timestamp, raw_payload)
				select :appId, :firstId + g, :firstId + g, case when g % 2 = 0 then 'inbound' else 'outbound' end,
				    'hangup', '+1415555' || lpad(cast(g % 10000 as text), 4, '0'), '+14155550101',
				    case when g % 10 = 9 then null else :start + (g / :perSecond) * interval '1 second' end,
				    :start + (g / :perSecond) * interval '1 second' + interval '60 seconds', 60000, g % 3 <> 0,
				    g % 3 = 0,
				    cast(extract(epoch from :start + (g / :perSecond) * interval '1 second') * 1000 as bigint),
				    cast('{}' as jsonb)
				from generate_series(0, :count - 1) g
				""")
			.param("appId", appId)
			.param("firstId", firstId)
			.param("count", count)
			.param("start", utc(firstStart))
			.param("perSecond", perSecond)
			.update();
	}

	/** Inserts (or replaces) a message as the processor would. */
	void insertMessage(UUID appId, long messageId, Instant createdAt, String direction, String from, String[] to,
			String status) {
		insertMessage(appId, messageId, createdAt, direction, from, to, status, "Chris Caller");
	}

	void insertMessage(UUID appId, long messageId, Instant createdAt, String direction, String from, String[] to,
			String status, String contactName) {
		this.jdbc.sql("""
				insert into messages (app_id, message_id, direction, from_number, to_numbers, text, mms, is_internal,
				    contact_id, contact_name, contact_phone, target_id, target_type, target_name, status,
				    created_at, event_timestamp, raw_payload)
				values (:appId, :id, :direction, :from, :to, 'Your appointment is confirmed.', false, false,
				    5700000000000009, :contactName, :contactPhone, 5500000000000777, 'user', 'Agent', :status,
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
			.param("contactName", contactName)
			.param("status", status)
			.param("createdAt", utc(createdAt))
			.param("eventTimestamp", createdAt.toEpochMilli())
			.update();
	}

	/** Inserts (or replaces) a voicemail as the processor would. */
	void insertVoicemail(UUID appId, long callId, Instant createdAt, String callerNumber, long targetId,
			@Nullable Long dialpadUserId, @Nullable String transcription) {
		insertVoicemail(appId, callId, createdAt, callerNumber, targetId, dialpadUserId, transcription, "Chris Caller");
	}

	void insertVoicemail(UUID appId, long callId, Instant createdAt, String callerNumber, long targetId,
			@Nullable Long dialpadUserId, @Nullable String transcription, String contactName) {
		this.jdbc.sql("""
				insert into voicemails (app_id, call_id, recording_id, caller_number, contact_id, contact_name,
				    target_id, target_type, target_name, dialpad_user_id, link, duration_ms, transcription_text,
				    created_at, event_timestamp)
				values (:appId, :callId, :callId + 1, :caller, 5700000000000009, :contactName, :targetId, 'user',
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
			.param("contactName", contactName)
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

	/** Records a change that happened {@code age} ago, without notifying. */
	long recordOldChange(UUID appId, String type, long resourceId, java.time.Duration age) {
		return this.jdbc.sql("""
				insert into change_events (app_id, type, resource_id, occurred_at)
				values (:appId, :type, :resourceId, now() - make_interval(secs => :seconds)) returning id
				""")
			.param("appId", appId)
			.param("type", type)
			.param("resourceId", resourceId)
			.param("seconds", age.toSeconds())
			.query(Long.class)
			.single();
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
