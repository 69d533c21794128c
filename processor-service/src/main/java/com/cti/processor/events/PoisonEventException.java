package com.cti.processor.events;

/**
 * Why a record can never be applied (not an envelope, a schema version this code does not
 * know, an event the database refuses): the exception its dead-letter record carries in
 * Spring Kafka's exception headers.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

}
