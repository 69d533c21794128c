package com.cti.ingest.intake;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the intake's failures to RFC 9457 problems: 4xx when the request is bad (nothing
 * was published), 503 with {@code Retry-After} when a call could not be made durable
 * (repeating the request is safe). Nothing from the body reaches a problem or a log line.
 */
@RestControllerAdvice(basePackageClasses = IntakeExceptionHandler.class)
class IntakeExceptionHandler {

	/** Seconds the caller waits before it repeats a request that was not made durable. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger logger = LoggerFactory.getLogger(IntakeExceptionHandler.class);

	private final IntakeMetrics metrics;

	IntakeExceptionHandler(IntakeMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(IntakeRejectedException ex) {
		logger.info("Intake request rejected: {}", ex.reason());
		this.metrics.rejected(ex.reason());
		HttpHeaders headers = new HttpHeaders();
		if (ex.status() == HttpStatus.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return problem(ex.status(), ex.reason(), "Intake request rejected", ex.getMessage(), headers);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notDurable(CallsNotDurableException ex) {
		logger.warn("Intake request not durable, the caller will repeat it: {}", ex.getMessage());
		this.metrics.unavailable("not-durable");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-durable", "Temporarily unavailable",
				ex.durable() + " of " + ex.total()
						+ " calls were made durable, the others could not be stored right now; repeat the "
						+ "request (repeating is safe)",
				headers);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		// the message of an unexpected exception may quote the request: log the type only
		logger.error("Intake request failed unexpectedly: {} at {}", ex.getClass().getName(),
				(ex.getStackTrace().length > 0) ? ex.getStackTrace()[0] : "?");
		this.metrics.unavailable("internal-error");
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The calls could not be taken; repeat the request", new HttpHeaders());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String reason, String title, String detail,
			HttpHeaders headers) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cti:intake:" + reason));
		problem.setTitle(title);
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
