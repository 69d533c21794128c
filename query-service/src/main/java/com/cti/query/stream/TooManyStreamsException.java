package com.cti.query.stream;

/**
 * The app already holds as many open streams as it may.
 */
class TooManyStreamsException extends RuntimeException {

	TooManyStreamsException(int max) {
		super("This app already has " + max + " streams open; close one first");
	}

}
