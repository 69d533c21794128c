package com.cti.query.messages;

import java.time.Instant;

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

/**
 * The query parameters of {@code GET /api/messages}, which are also the filter of the
 * list; an empty parameter counts as absent.
 */
record MessageListRequest(
		@Parameter(description = "Only messages created at or after this time: ISO-8601 or ms since the epoch",
				example = "2025-11-26T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant from,
		@Parameter(description = "Only messages created before this time: ISO-8601 or ms since the epoch",
				example = "2025-11-27T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant to,
		@Parameter(description = "inbound or outbound", example = "outbound") @Nullable Direction direction,
		@Parameter(description = "Matches the sender or any recipient; any common spelling of an E.164 number",
				example = "+14155559876") @Nullable PhoneNumber number,
		@Parameter(description = "Latest delivery status, or several separated by commas",
				example = "delivered,failed") @WordList @Nullable String status,
		@Parameter(description = "Page size, 1 to 500", example = "50",
				schema = @Schema(type = "integer", format = "int32",
						defaultValue = PageRequest.DEFAULT_LIMIT_TEXT)) @PageLimit @Nullable Integer limit,
		@Parameter(description = "next_cursor of the previous page") @Nullable String cursor) {

	MessageListRequest {
		TimeRange.requireOrdered(from, to);
		status = StringUtils.hasLength(status) ? status : null;
	}

	PageRequest page() {
		return PageRequest.of(MessageQueries.CURSOR_KIND, this.limit, this.cursor);
	}

}
