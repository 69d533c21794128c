package com.cti.processor.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;

/**
 * One event to apply: a readable event of a batch, or the copy of an event of the log
 * that an admin assigned or replayed.
 *
 * @param envelope the event as ingest published it, or the copy
 * @param replayOf for a copy ({@link EventReplayService}): the id of the original
 * {@code webhook_events} row, which the copy resolves
 */
record IncomingEvent(DialpadEventReceived envelope, @Nullable UUID replayOf) {

	IncomingEvent {
		Objects.requireNonNull(envelope, "envelope");
	}

	/**
	 * The id of the event's {@code webhook_events} row: the envelope's event id, or for a
	 * copy one derived from it and the original's, so that it can never collide with the
	 * original row even when the command reuses its id.
	 */
	UUID storedId() {
		if (this.replayOf == null) {
			return this.envelope.eventId();
		}
		return UUID.nameUUIDFromBytes(
				("replay:" + this.replayOf + ":" + this.envelope.eventId()).getBytes(StandardCharsets.UTF_8));
	}

}
