package com.cti.ingest.webhook;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps intake failures to RFC 9457 problems: 4xx only when the request itself is bad, 503
 * for every transient fault on our side (Dialpad retries only 5xx).
 */
@RestControllerAdvice(basePackageClasses = WebhookExceptionHandler.class)
class WebhookExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail rejected(WebhookRejectedException ex) {
		logger.info("Webhook rejected: {}", ex.reason());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(URI.create("urn:cti:webhook:" + ex.reason()));
		problem.setTitle("Webhook rejected");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notDurable(EventPublisher.EventNotDurableException ex) {
		logger.warn("Webhook not accepted, Dialpad will retry: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The event could not be stored durably right now; retry");
		problem.setType(URI.create("urn:cti:webhook:not-durable"));
		problem.setTitle("Temporarily unavailable");
		return problem;
	}

}
