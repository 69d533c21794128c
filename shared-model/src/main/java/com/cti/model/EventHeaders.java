package com.cti.model;

/**
 * Kafka record header names shared by the services.
 */
public final class EventHeaders {

	/**
	 * The envelope's schema version, so a consumer can refuse one it does not understand
	 * without parsing.
	 */
	public static final String SCHEMA_VERSION = "cti-schema-version";

	/** The event kind ({@link EventKind#wireName()}). */
	public static final String EVENT_KIND = "cti-event-kind";

	private EventHeaders() {
	}

}
