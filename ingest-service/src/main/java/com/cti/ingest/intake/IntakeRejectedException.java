package com.cti.ingest.intake;

import org.springframework.http.HttpStatus;

/**
 * A request to the intake that is refused because it is bad itself; nothing of it was
 * published. The message says what was wrong and quotes neither the body nor a secret.
 */
class IntakeRejectedException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	IntakeRejectedException(HttpStatus status, String reason, String message) {
		super(message);
		this.status = status;
		this.reason = reason;
	}

	HttpStatus status() {
		return this.status;
	}

	/** A short machine-readable reason, used in metrics and the problem type. */
	String reason() {
		return this.reason;
	}

}
