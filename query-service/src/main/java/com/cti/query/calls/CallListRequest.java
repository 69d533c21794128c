package com.cti.query.calls;

import java.time.Instant;

import com.cti.query.api.ClientUserId;
import com.cti.query.api.Direction;
import com.cti.query.api.PageLimit;
import com.cti.query.api.PageRequest;
import com.cti.query.api.PhoneNumber;
import com.cti.query.api.TimeRange;
import com.cti.query.api.WordList;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /api/calls}; an empty parameter counts as absent.
 */
record CallListRequest(
		@Parameter(description = "Only legs that started at or after this time: ISO-8601 or ms since the epoch",
				example = "2025-11-26T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant from,
		@Parameter(description = "Only legs that started before this time: ISO-8601 or ms since the epoch",
				example = "1764201600000", schema = @Schema(type = "string")) @Nullable Instant to,
		@Parameter(description = "inbound or outbound", example = "inbound") @Nullable Direction direction,
		@Parameter(description = "Latest state, or several separated by commas",
				example = "hangup") @WordList @Nullable String state,
		@Parameter(description = CallListRequest.NUMBER, example = "+14155559876") @Nullable PhoneNumber number,
		@Parameter(name = "target_id", description = "Dialpad id of the target (user, department, office, call center)",
				example = "5500000000000777") @BindParam("target_id") @Nullable Long targetId,
		@Parameter(name = "user_id",
				description = "Your own user id, as mapped to a Dialpad user in the app's user mappings",
				example = "agent-42") @BindParam("user_id") @ClientUserId @Nullable String userId,
		@Parameter(description = "Only legs a person answered (true) or did not (false)",
				example = "true") @Nullable Boolean answered,
		@Parameter(description = "Only missed legs (true) or the others (false)",
				example = "false") @Nullable Boolean missed,
		@Parameter(name = "has_voicemail", description = "Only legs with a voicemail (true) or without (false)",
				example = "false") @BindParam("has_voicemail") @Nullable Boolean hasVoicemail,
		@Parameter(name = "has_recording", description = "Only recorded legs (true) or the others (false)",
				example = "false") @BindParam("has_recording") @Nullable Boolean hasRecording,
		@Parameter(description = "Page size, 1 to 500", example = "50",
				schema = @Schema(type = "integer", format = "int32",
						defaultValue = PageRequest.DEFAULT_LIMIT_TEXT)) @PageLimit @Nullable Integer limit,
		@Parameter(description = "next_cursor of the previous page") @Nullable String cursor) {

	static final String NUMBER = "Matches the external or the internal number; any common spelling of an "
			+ "E.164 number is accepted (+1 415-555-0101, 0014155550101)";

	CallListRequest {
		TimeRange.requireOrdered(from, to);
		state = StringUtils.hasLength(state) ? state : null;
		userId = StringUtils.hasLength(userId) ? userId : null;
	}

	PageRequest page() {
		return PageRequest.of(CallQueries.CURSOR_KIND, this.limit, this.cursor);
	}

}
