package com.cti.query.api;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the client API into an RFC 9457 problem; a bad parameter's problem
 * names it in {@code parameter}.
 */
@RestControllerAdvice(basePackages = "com.cti.query")
class QueryExceptionHandler extends ResponseEntityExceptionHandler {

	static final URI BAD_REQUEST = URI.create("urn:cti:api:bad-request");

	/** PostgreSQL's SQLSTATE of a statement cancelled by its timeout. */
	private static final String QUERY_CANCELED = "57014";

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		return badParameter(ex.parameter(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("urn:cti:api:not-found"));
		return problem;
	}

	/**
	 * The database is down, overloaded, or a query ran past the statement timeout: a
	 * transient fault, worth a retry.
	 */
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			UncategorizedSQLException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
		if (ex instanceof UncategorizedSQLException uncategorized
				&& !QUERY_CANCELED.equals(uncategorized.getSQLException().getSQLState())) {
			throw ex;
		}
		logger.warn("A query failed: " + ex.getMostSpecificCause());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is unavailable or the query took too long; retry later");
		problem.setType(URI.create("urn:cti:api:unavailable"));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = (ex.getRequiredType() != null) ? describe(ex.getRequiredType()) : "a valid value";
		ProblemDetail problem = badParameter(name,
				"Parameter '" + name + "' must be " + expected + " (got '" + ex.getValue() + "')");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String describe(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a whole number";
		}
		return "a valid " + type.getSimpleName();
	}

	static ProblemDetail badParameter(String parameter, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(BAD_REQUEST);
		problem.setTitle("Bad parameter");
		problem.setProperty("parameter", parameter);
		return problem;
	}

}
