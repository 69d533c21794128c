package com.cti.processor.voicemails;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code voicemails}: the voicemail left on one call leg.
 *
 * @param callId the leg's call id (the row's key)
 * @param recordingId Dialpad's voicemail recording id
 * @param callerNumber who left it (the leg's external number)
 * @param link where to fetch the recording
 * @param durationMs the recording's length, when known
 * @param createdAt when the caller started leaving it
 * @param eventTimestamp the newest event applied to the leg
 * @param fieldTimestamps column to the event time of its value
 */
public record Voicemail(long callId, @Nullable Long recordingId, @Nullable String callerNumber,
		@Nullable Long contactId, @Nullable String contactName, @Nullable Long targetId, @Nullable String targetType,
		@Nullable String targetName, @Nullable Long dialpadUserId, @Nullable String link, @Nullable Long durationMs,
		@Nullable String transcriptionText, @Nullable OffsetDateTime createdAt, long eventTimestamp,
		Map<String, Long> fieldTimestamps) {
}
