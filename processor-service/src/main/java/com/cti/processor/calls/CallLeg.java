package com.cti.processor.calls;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The merged state of one call leg. Each field keeps the value of the newest event (by
 * {@code event_timestamp}) that carried a non-empty value for it, so the result is the
 * same whatever order and however often the events arrive: an older event never
 * overwrites a newer value but fills one that is still empty.
 */
final class CallLeg {

	/** States in which a leg is live (ringing, talking, on hold...). */
	static final Set<String> LIVE_STATES = Set.of("preanswer", "calling", "ringing", "queued", "connected", "hold",
			"parked", "merged", "eavesdrop", "monitor", "barge", "takeover");

	/**
	 * States that mean the live part of the leg is over; post-call states imply it too.
	 */
	static final Set<String> ENDING_STATES = Set.of("hangup", "missed", "voicemail", "voicemail_uploaded", "postcall",
			"recording", "transcription", "call_transcription", "recap_summary", "recap_outcome", "recap_action_items",
			"recap_purposes", "ai_playbook", "csat", "pcsat", "dispositions", "blocked");

	private final UUID appId;

	private final long callId;

	private final Map<String, Object> values = new HashMap<>();

	private final Map<String, Long> timestamps = new HashMap<>();

	private final Set<String> statesSeen = new TreeSet<>();

	private long eventTimestamp = Long.MIN_VALUE;

	private String rawPayload = "{}";

	private long conversationId;

	CallLeg(UUID appId, long callId) {
		this.appId = appId;
		this.callId = callId;
		this.conversationId = callId;
	}

	/** Restores a leg from its stored row. */
	static CallLeg restore(UUID appId, long callId, Map<String, Object> values, Map<String, Long> timestamps,
			Iterable<String> statesSeen, long eventTimestamp, String rawPayload, long conversationId) {
		CallLeg leg = new CallLeg(appId, callId);
		values.forEach((column, value) -> {
			if (value != null) {
				leg.values.put(column, value);
			}
		});
		leg.timestamps.putAll(timestamps);
		statesSeen.forEach(leg.statesSeen::add);
		leg.eventTimestamp = eventTimestamp;
		leg.rawPayload = rawPayload;
		leg.conversationId = conversationId;
		return leg;
	}

	/** Merges one call event into this leg. */
	void apply(JsonNode payload, String rawJson) {
		long timestamp = FieldType.LONG.read(payload.get("event_timestamp")) instanceof Long ts ? ts : 0L;
		for (CallField field : CallField.ALL) {
			Object value = field.read(payload);
			if (value != null
					&& newer(timestamp, value, this.timestamps.get(field.column()), this.values.get(field.column()))) {
				this.values.put(field.column(), value);
				this.timestamps.put(field.column(), timestamp);
			}
		}
		JsonNode state = payload.get("state");
		if (state != null && state.isString()) {
			this.statesSeen.add(state.asString());
		}
		if (timestamp > this.eventTimestamp
				|| (timestamp == this.eventTimestamp && rawJson.compareTo(this.rawPayload) > 0)) {
			this.eventTimestamp = timestamp;
			this.rawPayload = rawJson;
		}
	}

	private static boolean newer(long timestamp, Object value, @Nullable Long currentTimestamp,
			@Nullable Object current) {
		if (current == null || currentTimestamp == null || timestamp > currentTimestamp) {
			return true;
		}
		// equal times: the larger value wins, so that the outcome does not depend on
		// arrival order
		return timestamp == currentTimestamp && String.valueOf(value).compareTo(String.valueOf(current)) > 0;
	}

	UUID appId() {
		return this.appId;
	}

	long callId() {
		return this.callId;
	}

	@Nullable Object value(String column) {
		return this.values.get(column);
	}

	Map<String, Long> fieldTimestamps() {
		return this.timestamps;
	}

	Set<String> statesSeen() {
		return this.statesSeen;
	}

	long eventTimestamp() {
		return this.eventTimestamp;
	}

	String rawPayload() {
		return this.rawPayload;
	}

	long conversationId() {
		return this.conversationId;
	}

	void conversationId(long conversationId) {
		this.conversationId = conversationId;
	}

	/** The call ids this leg points at (master, entry point, operator). */
	Stream<Long> linkedCallIds() {
		return Stream.of(value("master_call_id"), value("entry_point_call_id"), value("operator_call_id"))
			.filter(Objects::nonNull)
			.map(Long.class::cast);
	}

	/**
	 * A person answered: connected, and either routed by an operator leg or ringing a
	 * user directly.
	 */
	boolean answered() {
		return value("connected_at") != null
				&& (value("operator_call_id") != null || "user".equals(value("target_type")));
	}

	boolean hasVoicemail() {
		return this.statesSeen.contains("voicemail") || this.statesSeen.contains("voicemail_uploaded")
				|| value("voicemail_link") != null;
	}

	boolean missed() {
		if (this.statesSeen.contains("missed")) {
			return true;
		}
		return this.statesSeen.contains("hangup") && value("connected_at") == null && !hasVoicemail()
				&& "inbound".equals(value("direction"));
	}

	/**
	 * Live from its first live state until it ends; a late or post-call event never makes
	 * it live again.
	 */
	boolean active() {
		return this.statesSeen.stream().anyMatch(LIVE_STATES::contains)
				&& this.statesSeen.stream().noneMatch(ENDING_STATES::contains) && value("ended_at") == null;
	}

	/** The Dialpad user the leg belongs to: its target when the target is a user. */
	@Nullable Long dialpadUserId() {
		return "user".equals(value("target_type")) ? (Long) value("target_id") : null;
	}

}
