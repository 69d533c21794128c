package com.cti.query.api;

/**
 * A query parameter (or request header) that is unknown or has a bad value: answered with
 * a 400 problem naming it.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
