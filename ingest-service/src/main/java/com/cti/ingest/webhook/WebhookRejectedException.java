package com.cti.ingest.webhook;

import org.springframework.http.HttpStatus;

/**
 * A webhook that is refused because the request itself is bad (Dialpad never retries a
 * 4xx). The message says what was wrong and never contains the token or a secret.
 */
class WebhookRejectedException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	WebhookRejectedException(HttpStatus status, String reason, String message) {
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
