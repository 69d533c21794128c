package com.cti.admin.dialpad;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request to Dialpad that failed for good (after its retries), as the RFC 9457 problem
 * the admin API answers: what Dialpad said and what the operator can do about it.
 */
public class DialpadException extends ErrorResponseException {

	private final int dialpadStatus;

	private final @Nullable String dialpadError;

	DialpadException(HttpStatus status, String type, String title, String detail, int dialpadStatus,
			@Nullable String dialpadError, @Nullable Throwable cause) {
		super(status, problem(status, type, title, detail), cause);
		this.dialpadStatus = dialpadStatus;
		this.dialpadError = dialpadError;
		if (dialpadStatus > 0) {
			getBody().setProperty("dialpad_status", dialpadStatus);
		}
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cti:admin:" + type));
		problem.setTitle(title);
		return problem;
	}

	DialpadException withRetryAfter(Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		getBody().setProperty("retry_after_seconds", seconds);
		return this;
	}

	/** The HTTP status Dialpad answered, 0 when it did not answer at all. */
	public int dialpadStatus() {
		return this.dialpadStatus;
	}

	/** The OAuth error code Dialpad gave (e.g. {@code invalid_grant}), if any. */
	public @Nullable String dialpadError() {
		return this.dialpadError;
	}

}
