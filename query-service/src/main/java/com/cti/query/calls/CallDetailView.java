package com.cti.query.calls;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One leg with its timeline and the other legs of its conversation.
 */
@Schema(name = "CallDetail", description = "A call leg (every field of Call) with its timeline and linked legs")
record CallDetailView(@JsonUnwrapped @Schema(implementation = CallView.class) CallView call,
		@Schema(description = "The states the leg went through, oldest first") List<TimelineEntry> timeline,
		@Schema(description = "The other legs of the same conversation, oldest first") List<CallView> linkedLegs) {
}
