package com.cti.ingest.delivery;

import java.io.IOException;

/**
 * The spool has reached its size limit.
 */
class SpoolFullException extends IOException {

	SpoolFullException(String message) {
		super(message);
	}

}
