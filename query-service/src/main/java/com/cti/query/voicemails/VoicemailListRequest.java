package com.cti.query.voicemails;

import java.time.Instant;

import com.cti.query.api.ClientUserId;
import com.cti.query.api.PageLimit;
import com.cti.query.api.PageRequest;
import com.cti.query.api.PhoneNumber;
import com.cti.query.api.TimeRange;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /api/voicemails}, which are also the filter of the
 * list; an empty parameter counts as absent.
 */
record VoicemailListRequest(
		@Parameter(description = "Only voicemails left at or after this time: ISO-8601 or ms since the epoch",
				example = "2025-11-26T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant from,
		@Parameter(description = "Only voicemails left before this time: ISO-8601 or ms since the epoch",
				example = "2025-11-27T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant to,
		@Parameter(description = "The caller's number; any common spelling of an E.164 number",
				example = "+14155559876") @Nullable PhoneNumber number,
		@Parameter(name = "target_id",
				description = "Dialpad id of the user, department or call center it was left for",
				example = "5500000000000777") @BindParam("target_id") @Nullable Long targetId,
		@Parameter(name = "user_id", description = "Your own user id (user mappings) of the user it was left for",
				example = "agent-42") @BindParam("user_id") @ClientUserId @Nullable String userId,
		@Parameter(name = "has_transcription",
				description = "Only voicemails with a transcription (true) or without (false)",
				example = "true") @BindParam("has_transcription") @Nullable Boolean hasTranscription,
		@Parameter(description = "Page size, 1 to 500", example = "50",
				schema = @Schema(type = "integer", format = "int32",
						defaultValue = PageRequest.DEFAULT_LIMIT_TEXT)) @PageLimit @Nullable Integer limit,
		@Parameter(description = "next_cursor of the previous page") @Nullable String cursor) {

	VoicemailListRequest {
		TimeRange.requireOrdered(from, to);
		userId = StringUtils.hasLength(userId) ? userId : null;
	}

	PageRequest page() {
		return PageRequest.of(VoicemailQueries.CURSOR_KIND, this.limit, this.cursor);
	}

}
