package com.cti.bench.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One event of a lifecycle, compiled to segments so that rendering it with fresh ids is
 * string concatenation.
 *
 * @param segments the event's compact JSON, cut where ids and timestamps go
 * @param kind the kind the ingest service will classify it as ({@code call}, {@code sms},
 * ...)
 * @param resourceSlot the index of its call id (calls) or message id (SMS) among the
 * lifecycle's ids, or -1
 * @param firstOfLeg whether this is the first event of its call leg in the lifecycle
 * @param state the call state or message status, when it has one
 */
record EventTemplate(List<Segment> segments, String kind, int resourceSlot, boolean firstOfLeg,
		@Nullable String state) {

	String render(long[] ids, long baseMillis) {
		var json = new StringBuilder(2048);
		for (Segment segment : this.segments) {
			if (segment instanceof Segment.Literal literal) {
				json.append(literal.text());
			}
			else if (segment instanceof Segment.Id id) {
				json.append(ids[id.index()]);
			}
			else if (segment instanceof Segment.Timestamp timestamp) {
				json.append(baseMillis + timestamp.offsetMillis());
			}
		}
		return json.toString();
	}

}
