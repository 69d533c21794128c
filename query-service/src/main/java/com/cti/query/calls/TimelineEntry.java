package com.cti.query.calls;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One state of a leg and when Dialpad reported it.
 */
@Schema(name = "CallTimelineEntry", description = "A state the leg entered, with the time of its Dialpad event")
record TimelineEntry(@Schema(description = "The call state", example = "ringing") String state,
		@Schema(description = "When, ISO-8601 UTC", example = "2025-11-26T12:00:00.420Z") Instant at,
		@Schema(description = "at in milliseconds since the epoch", example = "1764158400420") long atMs) {

	static TimelineEntry of(String state, long epochMillis) {
		return new TimelineEntry(state, Instant.ofEpochMilli(epochMillis), epochMillis);
	}

}
