package com.cti.ingest.delivery;

/**
 * Neither Kafka nor the spool could take the event: the caller must answer 503 so that
 * Dialpad retries.
 */
public class EventNotDurableException extends RuntimeException {

	EventNotDurableException(String message, Throwable cause) {
		super(message, cause);
	}

}
