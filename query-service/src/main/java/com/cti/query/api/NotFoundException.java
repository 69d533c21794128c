package com.cti.query.api;

/**
 * A resource that the caller's app does not have (whether or not another app has it):
 * answered with a 404 problem.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String resource, Object id) {
		super("No " + resource + " with id " + id);
	}

}
