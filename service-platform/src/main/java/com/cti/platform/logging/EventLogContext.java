package com.cti.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts an event's ids in the logging MDC for the lines logged while it is open, and puts
 * back what was there before when it is closed, so that a nested context (one record of a
 * batch) leaves its caller's untouched:
 *
 * <pre class="code">
 * try (var log = EventLogContext.open(eventId, appId, callId)) {
 *     logger.debug("...");
 * }
 * </pre>
 *
 * A null id leaves that entry as it was. The keys are snake_case like the API's fields:
 * {@value #EVENT_ID}, {@value #APP_ID}, {@value #CALL_ID}.
 */
public final class EventLogContext implements AutoCloseable {

	/** The MDC key of the event's id (the envelope's {@code event_id}). */
	public static final String EVENT_ID = "event_id";

	/** The MDC key of the app the event belongs to. */
	public static final String APP_ID = "app_id";

	/** The MDC key of Dialpad's call id, for a call event. */
	public static final String CALL_ID = "call_id";

	private final Map<String, @Nullable String> previous = new LinkedHashMap<>();

	private EventLogContext() {
	}

	/**
	 * Opens a context with the ids known so far.
	 * @param eventId the event's id, if known
	 * @param appId the app's id, if known
	 * @param callId the call's id, if it is a call event
	 * @return the context, to close
	 */
	public static EventLogContext open(@Nullable Object eventId, @Nullable String appId, @Nullable Object callId) {
		return new EventLogContext().with(eventId, appId, callId);
	}

	/**
	 * Adds the ids learned since the context was opened (the event id once the event is
	 * built, the call id once the payload is read).
	 * @param eventId the event's id, if known
	 * @param appId the app's id, if known
	 * @param callId the call's id, if it is a call event
	 * @return this context
	 */
	public EventLogContext with(@Nullable Object eventId, @Nullable String appId, @Nullable Object callId) {
		put(EVENT_ID, eventId);
		put(APP_ID, appId);
		put(CALL_ID, callId);
		return this;
	}

	private void put(String key, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (!this.previous.containsKey(key)) {
			this.previous.put(key, MDC.get(key));
		}
		MDC.put(key, value.toString());
	}

	@Override
	public void close() {
		this.previous.forEach((key, value) -> {
			if (value == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, value);
			}
		});
		this.previous.clear();
	}

}
