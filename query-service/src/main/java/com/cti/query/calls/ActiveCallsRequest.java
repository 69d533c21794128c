package com.cti.query.calls;

import com.cti.query.api.ClientUserId;
import com.cti.query.api.Direction;
import com.cti.query.api.PageLimit;
import com.cti.query.api.PageRequest;
import com.cti.query.api.PhoneNumber;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /api/calls/active}; an empty parameter counts as
 * absent.
 */
record ActiveCallsRequest(
		@Parameter(description = "inbound or outbound", example = "inbound") @Nullable Direction direction,
		@Parameter(description = CallListRequest.NUMBER, example = "+14155559876") @Nullable PhoneNumber number,
		@Parameter(name = "target_id", description = "Dialpad id of the target",
				example = "5500000000000777") @BindParam("target_id") @Nullable Long targetId,
		@Parameter(name = "user_id", description = "Your own user id (user mappings)",
				example = "agent-42") @BindParam("user_id") @ClientUserId @Nullable String userId,
		@Parameter(description = "Page size, 1 to 500", example = "50",
				schema = @Schema(type = "integer", format = "int32",
						defaultValue = PageRequest.DEFAULT_LIMIT_TEXT)) @PageLimit @Nullable Integer limit,
		@Parameter(description = "next_cursor of the previous page") @Nullable String cursor) {

	ActiveCallsRequest {
		userId = StringUtils.hasLength(userId) ? userId : null;
	}

	PageRequest page() {
		return PageRequest.of(CallQueries.CURSOR_KIND, this.limit, this.cursor);
	}

}
