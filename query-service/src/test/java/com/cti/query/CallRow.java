package com.cti.query;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A call leg to insert in a test, with the values of an ended inbound call answered by a
 * user; the fluent setters change one column each.
 */
final class CallRow {

	final UUID appId;

	final long callId;

	long conversationId;

	@Nullable Long masterCallId;

	@Nullable Long entryPointCallId;

	@Nullable Long operatorCallId;

	String direction = "inbound";

	String state = "hangup";

	String externalNumber = "+14155559876";

	String internalNumber = "+14155550101";

	@Nullable Long targetId = 5500000000000777L;

	String targetType = "user";

	String contactName = "Chris Caller";

	@Nullable Long dialpadUserId;

	@Nullable String clientUserId;

	@Nullable Instant startedAt;

	@Nullable Instant connectedAt;

	@Nullable Instant endedAt;

	long durationMs = 60_000;

	String[] statesSeen = { "calling", "ringing", "connected", "hangup" };

	boolean active;

	boolean answered = true;

	boolean missed;

	boolean hasVoicemail;

	boolean recorded;

	long eventTimestamp;

	CallRow(UUID appId, long callId, Instant startedAt) {
		this.appId = appId;
		this.callId = callId;
		this.conversationId = callId;
		this.startedAt = startedAt;
		this.connectedAt = startedAt.plusSeconds(5);
		this.endedAt = startedAt.plusSeconds(65);
		this.eventTimestamp = this.endedAt.toEpochMilli();
	}

	CallRow direction(String direction) {
		this.direction = direction;
		return this;
	}

	CallRow state(String state) {
		this.state = state;
		return this;
	}

	CallRow numbers(String external, String internal) {
		this.externalNumber = external;
		this.internalNumber = internal;
		return this;
	}

	CallRow target(@Nullable Long targetId, String targetType) {
		this.targetId = targetId;
		this.targetType = targetType;
		return this;
	}

	CallRow contactName(String contactName) {
		this.contactName = contactName;
		return this;
	}

	CallRow user(@Nullable Long dialpadUserId, @Nullable String clientUserId) {
		this.dialpadUserId = dialpadUserId;
		this.clientUserId = clientUserId;
		return this;
	}

	CallRow links(long conversationId, @Nullable Long master, @Nullable Long entryPoint, @Nullable Long operator) {
		this.conversationId = conversationId;
		this.masterCallId = master;
		this.entryPointCallId = entryPoint;
		this.operatorCallId = operator;
		return this;
	}

	/** Still ringing or talking: active, no end yet. */
	CallRow live(String state) {
		this.state = state;
		this.active = true;
		this.endedAt = null;
		this.durationMs = 0;
		this.answered = "connected".equals(state) || "hold".equals(state);
		this.connectedAt = this.answered ? this.startedAt.plusSeconds(5) : null;
		return this;
	}

	/** Ended: answered when it was connected before. */
	CallRow ended(String state, Instant endedAt) {
		this.state = state;
		this.active = false;
		this.endedAt = endedAt;
		this.missed = !this.answered;
		this.durationMs = this.answered ? endedAt.toEpochMilli() - this.connectedAt.toEpochMilli() : 0;
		return this;
	}

	CallRow states(String... states) {
		this.statesSeen = states;
		return this;
	}

	/** Ended without being answered. */
	CallRow missed() {
		this.missed = true;
		this.answered = false;
		this.connectedAt = null;
		this.durationMs = 0;
		this.statesSeen = new String[] { "calling", "ringing", "missed", "hangup" };
		return this;
	}

	CallRow voicemail() {
		this.hasVoicemail = true;
		return this;
	}

	CallRow recorded() {
		this.recorded = true;
		return this;
	}

	CallRow startedAt(@Nullable Instant startedAt) {
		this.startedAt = startedAt;
		return this;
	}

	CallRow eventTimestamp(long eventTimestamp) {
		this.eventTimestamp = eventTimestamp;
		return this;
	}

}
