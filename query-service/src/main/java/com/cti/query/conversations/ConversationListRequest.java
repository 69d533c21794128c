package com.cti.query.conversations;

import java.time.Instant;

import com.cti.query.api.PageLimit;
import com.cti.query.api.PageRequest;
import com.cti.query.api.TimeRange;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code GET /api/conversations}; an empty parameter counts as
 * absent.
 */
record ConversationListRequest(@Parameter(
		description = "Only conversations whose first leg started at or after this time: ISO-8601 or ms since the epoch",
		example = "2025-11-26T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant from,
		@Parameter(description = "Only conversations whose first leg started before this time",
				example = "2025-11-27T00:00:00Z", schema = @Schema(type = "string")) @Nullable Instant to,
		@Parameter(description = "Page size, 1 to 500", example = "50",
				schema = @Schema(type = "integer", format = "int32",
						defaultValue = PageRequest.DEFAULT_LIMIT_TEXT)) @PageLimit @Nullable Integer limit,
		@Parameter(description = "next_cursor of the previous page") @Nullable String cursor) {

	ConversationListRequest {
		TimeRange.requireOrdered(from, to);
	}

	TimeRange time() {
		return new TimeRange(this.from, this.to);
	}

	PageRequest page() {
		return PageRequest.of(ConversationQueries.CURSOR_KIND, this.limit, this.cursor);
	}

}
