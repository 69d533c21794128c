package com.cti.bench.events;

import org.jspecify.annotations.Nullable;

/**
 * One rendered event.
 *
 * @param app the index of the app it is addressed to
 * @param json the Dialpad event JSON (the JWT payload)
 * @param kind its kind as the ingest service classifies it
 * @param resourceId its call id (calls) or message id (SMS), -1 for other kinds
 * @param firstOfLeg whether it is the first event of its call leg
 * @param state the call state or message status, when it has one
 */
public record GeneratedEvent(int app, String json, String kind, long resourceId, boolean firstOfLeg,
		@Nullable String state) {

	/** The Kafka key the ingest service uses: the call id or the message id. */
	public @Nullable String key() {
		return (this.resourceId >= 0) ? Long.toString(this.resourceId) : null;
	}

	public boolean isCall() {
		return "call".equals(this.kind);
	}

}
