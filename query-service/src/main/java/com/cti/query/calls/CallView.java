package com.cti.query.calls;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One call leg as the API shows it. Times are ISO-8601 UTC with a {@code _ms} epoch twin;
 * durations come in milliseconds and seconds.
 */
record CallView(long callId, long conversationId, @Nullable Long masterCallId, @Nullable Long entryPointCallId,
		@Nullable Long operatorCallId, @Nullable String direction, @Nullable String state,
		@Nullable String externalNumber, @Nullable String internalNumber, Party contact, Party target,
		@Nullable Long dialpadUserId, @Nullable String clientUserId, @Nullable Instant startedAt,
		@Nullable Long startedAtMs, @Nullable Instant connectedAt, @Nullable Long connectedAtMs,
		@Nullable Instant endedAt, @Nullable Long endedAtMs, long durationMs, double durationSeconds, long talkTimeMs,
		long holdTimeMs, boolean isActive, boolean answered, boolean missed, boolean hasVoicemail, boolean transferred,
		boolean recorded, @Nullable String voicemailLink, @Nullable String transcriptionText,
		@Nullable String recapSummary, @Nullable Double mosScore, @Nullable Double csatScore, long eventTimestamp) {

	/** The other party or the Dialpad target of a leg. */
	record Party(@Nullable Long id, @Nullable String name, @Nullable String type, @Nullable String phone) {
	}

}
