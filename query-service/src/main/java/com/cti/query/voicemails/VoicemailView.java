package com.cti.query.voicemails;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One voicemail, identified by the call leg that recorded it.
 */
@Schema(name = "Voicemail", description = "A voicemail; its id is the call_id of the leg that recorded it")
public record VoicemailView(
		@Schema(description = "The call_id of the leg that recorded it: the voicemail's id",
				example = "6400000000000301") long callId,
		@Schema(description = "Dialpad's voicemail_recording_id", example = "8100000000000001",
				nullable = true) @Nullable Long recordingId,
		@Schema(description = "The caller's number, E.164", example = "+14155559876",
				nullable = true) @Nullable String callerNumber,
		@Schema(description = "The caller (Dialpad's contact)") Party contact,
		@Schema(description = "The user, department or call center the voicemail was left for") Party target,
		@Schema(description = "Dialpad user the voicemail was left for", example = "5500000000000777",
				nullable = true) @Nullable Long dialpadUserId,
		@Schema(description = "Your own id of that user, from the app's user mappings", example = "agent-42",
				nullable = true) @Nullable String clientUserId,
		@Schema(description = "Link to the recording", example = "https://dialpad.com/r/vm/8100000000000001",
				nullable = true) @Nullable String link,
		@Schema(description = "Length of the recording in ms", example = "21000",
				nullable = true) @Nullable Long durationMs,
		@Schema(description = "duration_ms in seconds", example = "21.0",
				nullable = true) @Nullable Double durationSeconds,
		@Schema(description = "The transcription, once Dialpad sent it", example = "Hi, please call me back.",
				nullable = true) @Nullable String transcriptionText,
		@Schema(description = "True once a transcription is there", example = "true") boolean hasTranscription,
		@Schema(description = "When the voicemail was left, ISO-8601 UTC", example = "2025-11-26T12:00:30Z",
				nullable = true) @Nullable Instant createdAt,
		@Schema(description = "created_at in ms since the epoch", example = "1764158430000",
				nullable = true) @Nullable Long createdAtMs,
		@Schema(description = "Time of the latest Dialpad event applied, ms since the epoch",
				example = "1764158460000") long eventTimestamp,
		@Schema(description = "When this voicemail last changed here, ISO-8601 UTC",
				example = "2025-11-26T12:01:00.040Z") Instant updatedAt,
		@Schema(description = "updated_at in ms since the epoch", example = "1764158460040") long updatedAtMs) {

	/** A party of a voicemail. */
	@Schema(name = "VoicemailParty", description = "A party of a voicemail")
	public record Party(
			@Schema(description = "Dialpad's id", example = "5500000000000777", nullable = true) @Nullable Long id,
			@Schema(description = "Name", example = "Billing", nullable = true) @Nullable String name,
			@Schema(description = "Kind (targets only): user, department, callcenter, ...", example = "department",
					nullable = true) @Nullable String type) {
	}

}
