package com.cti.query.calls;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One call leg as the API shows it. Times are ISO-8601 UTC with a {@code _ms} epoch twin;
 * durations come in milliseconds and in seconds.
 */
@Schema(name = "Call", description = "One call leg. A customer call has one or more legs (department, call "
		+ "center, agent), each with its own call_id; legs of one customer call share a conversation_id.")
public record CallView(@Schema(description = "Dialpad's id of this leg", example = "6400000000000101") long callId,
		@Schema(description = "The conversation (customer-level call) this leg belongs to: the smallest call_id "
				+ "of its linked legs", example = "6400000000000101") long conversationId,
		@Schema(description = "Dialpad's master_call_id", example = "6400000000000101",
				nullable = true) @Nullable Long masterCallId,
		@Schema(description = "The leg this call entered by (entry_point_call_id)", example = "6400000000000101",
				nullable = true) @Nullable Long entryPointCallId,
		@Schema(description = "The operator leg (operator_call_id)", example = "6400000000000102",
				nullable = true) @Nullable Long operatorCallId,
		@Schema(description = "inbound or outbound", example = "inbound", nullable = true) @Nullable String direction,
		@Schema(description = "The latest state (Dialpad's call state: calling, ringing, connected, hold, hangup, "
				+ "voicemail, ...; new states are passed through)", example = "hangup",
				nullable = true) @Nullable String state,
		@Schema(description = "The outside party's number, E.164 (or \"blocked\")", example = "+14155559876",
				nullable = true) @Nullable String externalNumber,
		@Schema(description = "The company's number that was called or that called, E.164", example = "+14155550101",
				nullable = true) @Nullable String internalNumber,
		@Schema(description = "The outside party (Dialpad's contact)") Party contact,
		@Schema(description = "The Dialpad user, department, office or call center that took or made the call "
				+ "(Dialpad's target)") Party target,
		@Schema(description = "The Dialpad user of the leg, when it is a user's", example = "5500000000000777",
				nullable = true) @Nullable Long dialpadUserId,
		@Schema(description = "Your own id of that user, from the app's user mappings", example = "agent-42",
				nullable = true) @Nullable String clientUserId,
		@Schema(description = "When the call started, ISO-8601 UTC", example = "2025-11-26T12:00:00Z",
				nullable = true) @Nullable Instant startedAt,
		@Schema(description = "started_at in milliseconds since the epoch", example = "1764158400000",
				nullable = true) @Nullable Long startedAtMs,
		@Schema(description = "When it was answered (connected), ISO-8601 UTC", example = "2025-11-26T12:00:05Z",
				nullable = true) @Nullable Instant connectedAt,
		@Schema(description = "connected_at in milliseconds since the epoch", example = "1764158405000",
				nullable = true) @Nullable Long connectedAtMs,
		@Schema(description = "When it ended, ISO-8601 UTC", example = "2025-11-26T12:01:05Z",
				nullable = true) @Nullable Instant endedAt,
		@Schema(description = "ended_at in milliseconds since the epoch", example = "1764158465000",
				nullable = true) @Nullable Long endedAtMs,
		@Schema(description = "Duration of the leg in milliseconds (Dialpad's duration)", example = "60000",
				nullable = true) @Nullable Long durationMs,
		@Schema(description = "duration_ms in seconds", example = "60.0",
				nullable = true) @Nullable Double durationSeconds,
		@Schema(description = "Duration including ring time, in milliseconds", example = "65000",
				nullable = true) @Nullable Long totalDurationMs,
		@Schema(description = "total_duration_ms in seconds", example = "65.0",
				nullable = true) @Nullable Double totalDurationSeconds,
		@Schema(description = "Talk time in milliseconds", example = "55000",
				nullable = true) @Nullable Long talkTimeMs,
		@Schema(description = "talk_time_ms in seconds", example = "55.0",
				nullable = true) @Nullable Double talkTimeSeconds,
		@Schema(description = "Hold time in milliseconds", example = "5000", nullable = true) @Nullable Long holdTimeMs,
		@Schema(description = "hold_time_ms in seconds", example = "5.0",
				nullable = true) @Nullable Double holdTimeSeconds,
		@Schema(description = "True while the leg is live (ringing, connected, on hold, ...)",
				example = "false") boolean isActive,
		@Schema(description = "True when a person answered the leg", example = "true") boolean answered,
		@Schema(description = "True when the leg ended unanswered", example = "false") boolean missed,
		@Schema(description = "True when the caller left a voicemail", example = "false") boolean hasVoicemail,
		@Schema(description = "True when the leg was transferred", example = "false") boolean transferred,
		@Schema(description = "True when the leg was recorded", example = "false") boolean hasRecording,
		@Schema(description = "True for a call between two users of the company", example = "false",
				nullable = true) @Nullable Boolean isInternal,
		@Schema(description = "Dialpad's recording_details as delivered: [{id, url, duration (ms), recording_type, "
				+ "start_time (ms)}]", type = "array", example = "[]",
				nullable = true) @JsonRawValue @Nullable String recordingDetails,
		@Schema(description = "Link to the voicemail recording", example = "https://dialpad.com/r/vm/123",
				nullable = true) @Nullable String voicemailLink,
		@Schema(description = "Transcription of the call or voicemail", example = "Hi, please call me back.",
				nullable = true) @Nullable String transcriptionText,
		@Schema(description = "Dialpad AI recap summary", example = "Customer asked about an invoice.",
				nullable = true) @Nullable String recapSummary,
		@Schema(description = "Dialpad AI recap outcome", example = "Resolved",
				nullable = true) @Nullable String recapOutcome,
		@Schema(description = "Labels set on the call", type = "array", example = "[\"sales\"]",
				nullable = true) @JsonRawValue @Nullable String labels,
		@Schema(description = "Call quality (mean opinion score)", example = "4.3",
				nullable = true) @Nullable Double mosScore,
		@Schema(description = "Customer satisfaction score", example = "5.0",
				nullable = true) @Nullable Double csatScore,
		@Schema(description = "Every state the leg went through, in the order first seen",
				example = "[\"calling\", \"ringing\", \"connected\", \"hangup\"]") String[] statesSeen,
		@Schema(description = "Time of the latest Dialpad event applied to this leg, ms since the epoch",
				example = "1764158465000") long eventTimestamp,
		@Schema(description = "When this leg last changed here, ISO-8601 UTC",
				example = "2025-11-26T12:01:05.120Z") Instant updatedAt,
		@Schema(description = "updated_at in milliseconds since the epoch",
				example = "1764158465120") long updatedAtMs) {

	/** The other party or the Dialpad target of a leg. */
	@Schema(name = "CallParty", description = "A party of a call")
	public record Party(
			@Schema(description = "Dialpad's id", example = "5500000000000777", nullable = true) @Nullable Long id,
			@Schema(description = "Name", example = "Billing", nullable = true) @Nullable String name,
			@Schema(description = "Kind: for a contact local, shared, ...; for a target user, department, office, "
					+ "callcenter, ...", example = "department", nullable = true) @Nullable String type,
			@Schema(description = "Phone number, E.164", example = "+14155550101",
					nullable = true) @Nullable String phone,
			@Schema(description = "Email", example = "billing@example.com", nullable = true) @Nullable String email) {
	}

}
