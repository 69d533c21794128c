package com.cti.model;

/**
 * The kinds of Dialpad event, told apart by the payload's shape (Dialpad events carry no
 * type field).
 */
public enum EventKind {

	CALL, SMS, CONTACT, AGENT_STATUS, CHANGELOG, UNKNOWN;

	/** The lower-case name used in storage and in APIs. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
