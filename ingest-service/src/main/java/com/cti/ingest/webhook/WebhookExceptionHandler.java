package com.cti.ingest.webhook;

import java.net.URI;
import java.util.Map;

import com.cti.ingest.delivery.EventNotDurableException;
import com.cti.platform.logging.EventLogContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Maps intake failures to RFC 9457 problems: 4xx only when the request itself is bad, 503
 * for every transient fault on our side (Dialpad retries only 5xx). The content type is
 * set here so that an unusual {@code Accept} header can never turn the status into a 406.
 * Nothing from the request body reaches a problem or a log line.
 */
@RestControllerAdvice(basePackageClasses = WebhookExceptionHandler.class)
class WebhookExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebhookExceptionHandler.class);

	private final WebhookMetrics metrics;

	WebhookExceptionHandler(WebhookMetrics metrics) {
		this.metrics = metrics;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(WebhookRejectedException ex, HttpServletRequest request) {
		String appId = appId(request);
		try (var log = EventLogContext.open(null, appId, null)) {
			logger.info("Webhook rejected: {}", ex.reason());
		}
		this.metrics.rejected(ex.reason(), appId);
		return problem(ex.status(), ex.reason(), "Webhook rejected", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notDurable(EventNotDurableException ex, HttpServletRequest request) {
		try (var log = EventLogContext.open(null, appId(request), null)) {
			logger.warn("Webhook not accepted, Dialpad will retry: {}", ex.getMessage());
		}
		this.metrics.unavailable("not-durable");
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-durable", "Temporarily unavailable",
				"The event could not be stored durably right now; retry");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(WebhookUnavailableException ex, HttpServletRequest request) {
		try (var log = EventLogContext.open(null, appId(request), null)) {
			logger.warn("Webhook not accepted, Dialpad will retry: {}", ex.reason());
		}
		this.metrics.unavailable(ex.reason());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ex.reason(), "Temporarily unavailable", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(RuntimeException ex) {
		// the message of an unexpected exception may quote the request: log the type only
		logger.error("Webhook failed unexpectedly: {} at {}", ex.getClass().getName(),
				(ex.getStackTrace().length > 0) ? ex.getStackTrace()[0] : "?");
		this.metrics.unavailable("internal-error");
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The webhook could not be processed; retry");
	}

	/** The app named by the URL: the exception escaped the intake's own log context. */
	private static @Nullable String appId(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return (variables instanceof Map<?, ?> map && map.get("appId") instanceof String appId) ? appId : null;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String reason, String title,
			String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cti:webhook:" + reason));
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
