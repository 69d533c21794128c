package com.cti.query.conversations;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.cti.query.api.Rows;
import com.cti.query.calls.CallView;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A customer-level call: the legs that point at each other (master, entry point,
 * operator), summed up.
 */
@Schema(name = "Conversation", description = "A customer-level call: its legs grouped, summed up from the first leg "
		+ "(who called whom) and all legs (answered, live, voicemail)")
record ConversationView(
		@Schema(description = "Id of the conversation: the smallest call_id of its legs",
				example = "6400000000000101") long conversationId,
		@Schema(description = "inbound or outbound, from the first leg", example = "inbound",
				nullable = true) @Nullable String direction,
		@Schema(description = "The outside party's number, from the first leg", example = "+14155559876",
				nullable = true) @Nullable String externalNumber,
		@Schema(description = "The company's number, from the first leg", example = "+14155550101",
				nullable = true) @Nullable String internalNumber,
		@Schema(description = "The outside party, from the first leg") CallView.Party contact,
		@Schema(description = "When the first leg started, ISO-8601 UTC", example = "2025-11-26T12:00:00Z",
				nullable = true) @Nullable Instant startedAt,
		@Schema(description = "started_at in ms since the epoch", example = "1764158400000",
				nullable = true) @Nullable Long startedAtMs,
		@Schema(description = "When the last leg ended, ISO-8601 UTC; null while a leg is live",
				example = "2025-11-26T12:01:05Z", nullable = true) @Nullable Instant endedAt,
		@Schema(description = "ended_at in ms since the epoch", example = "1764158465000",
				nullable = true) @Nullable Long endedAtMs,
		@Schema(description = "From the start of the first leg to the end of the last, in ms; null while live",
				example = "65000", nullable = true) @Nullable Long durationMs,
		@Schema(description = "duration_ms in seconds", example = "65.0",
				nullable = true) @Nullable Double durationSeconds,
		@Schema(description = "True while any leg is live", example = "false") boolean isActive,
		@Schema(description = "True when a person answered any leg", example = "true") boolean answered,
		@Schema(description = "True when it ended and no leg was answered", example = "false") boolean missed,
		@Schema(description = "True when any leg has a voicemail", example = "false") boolean hasVoicemail,
		@Schema(description = "True when any leg was recorded", example = "false") boolean hasRecording,
		@Schema(description = "Your user ids of the users who answered a leg",
				example = "[\"agent-42\"]") List<String> answeredBy,
		@Schema(description = "How many legs", example = "2") int legCount,
		@Schema(description = "The legs, oldest first") List<CallView> legs) {

	private static final Comparator<CallView> OLDEST_FIRST = Comparator
		.comparing(CallView::startedAtMs, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(CallView::callId);

	/** Sums up the legs of one conversation (at least one). */
	static ConversationView of(long conversationId, List<CallView> unordered) {
		List<CallView> legs = unordered.stream().sorted(OLDEST_FIRST).toList();
		CallView first = legs.get(0);
		boolean active = legs.stream().anyMatch(CallView::isActive);
		boolean answered = legs.stream().anyMatch(CallView::answered);
		Instant ended = active ? null
				: legs.stream()
					.map(CallView::endedAt)
					.filter(Objects::nonNull)
					.max(Comparator.naturalOrder())
					.orElse(null);
		Long duration = (ended != null && first.startedAt() != null)
				? ended.toEpochMilli() - first.startedAt().toEpochMilli() : null;
		List<String> answeredBy = legs.stream()
			.filter(CallView::answered)
			.map(CallView::clientUserId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return new ConversationView(conversationId, first.direction(), first.externalNumber(), first.internalNumber(),
				first.contact(), first.startedAt(), first.startedAtMs(), ended, Rows.millis(ended), duration,
				Rows.seconds(duration), active, answered, !active && !answered,
				legs.stream().anyMatch(CallView::hasVoicemail), legs.stream().anyMatch(CallView::hasRecording),
				answeredBy, legs.size(), legs);
	}

}
