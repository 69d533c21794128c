package com.cti.processor.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;

/**
 * One readable event of a batch.
 *
 * @param envelope the event as ingest (or the admin service) published it
 * @param replayOf for an event the admin service re-published (an unattributed event
 * assigned to an app, or a replay): the id of the original {@code webhook_events} row,
 * from the {@code cti-replay-of} header
 */
record IncomingEvent(DialpadEventReceived envelope, @Nullable UUID replayOf) {

	IncomingEvent {
		Objects.requireNonNull(envelope, "envelope");
	}

	/**
	 * The id of the event's {@code webhook_events} row: the envelope's event id, or for a
	 * re-published event one derived from it and the original's, so that it can never
	 * collide with the original row even when the admin service reuses its id.
	 */
	UUID storedId() {
		if (this.replayOf == null) {
			return this.envelope.eventId();
		}
		return UUID.nameUUIDFromBytes(
				("replay:" + this.replayOf + ":" + this.envelope.eventId()).getBytes(StandardCharsets.UTF_8));
	}

}
