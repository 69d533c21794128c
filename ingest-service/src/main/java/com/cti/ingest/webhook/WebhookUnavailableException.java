package com.cti.ingest.webhook;

/**
 * A webhook that cannot be taken right now because of a transient fault on our side: the
 * answer is 503, so that Dialpad retries it.
 */
class WebhookUnavailableException extends RuntimeException {

	private final String reason;

	WebhookUnavailableException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** A short machine-readable reason, used in metrics and the problem type. */
	String reason() {
		return this.reason;
	}

}
