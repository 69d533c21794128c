package com.cti.admin.apps;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems that the admin API answers with (RFC 9457), as exceptions that the
 * {@link AdminExceptionHandler} renders. Every type is {@code urn:cti:admin:<code>}.
 */
public final class AdminProblems {

	private AdminProblems() {
	}

	public static ErrorResponseException appNotFound(Object appId) {
		return notFound("app-not-found", "App not found", "There is no app with id " + appId);
	}

	public static ErrorResponseException notFound(String code, String title, String detail) {
		return of(HttpStatus.NOT_FOUND, code, title, detail);
	}

	public static ErrorResponseException badRequest(String code, String title, String detail) {
		return of(HttpStatus.BAD_REQUEST, code, title, detail);
	}

	public static ErrorResponseException conflict(String code, String title, String detail) {
		return of(HttpStatus.CONFLICT, code, title, detail);
	}

	/** A transient fault: the client may try again after {@code retryAfter}. */
	public static ErrorResponseException unavailable(String code, String title, String detail, Duration retryAfter,
			Throwable cause) {
		ErrorResponseException exception = of(HttpStatus.SERVICE_UNAVAILABLE, code, title, detail, cause);
		exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		return exception;
	}

	public static ErrorResponseException of(HttpStatus status, String code, String title, String detail) {
		return of(status, code, title, detail, null);
	}

	private static ErrorResponseException of(HttpStatus status, String code, String title, String detail,
			Throwable cause) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cti:admin:" + code));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, cause);
	}

}
