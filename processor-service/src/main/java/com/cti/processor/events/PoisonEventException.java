package com.cti.processor.events;

/**
 * A record that can never be applied (not an envelope, or a schema version this code does
 * not know): it goes to the dead-letter topic at once instead of being retried.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

}
