package com.cti.query.api;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the client API into an RFC 9457 problem; a bad parameter's problem
 * names it in {@code parameter}. A request record's invariant (such as {@code to} after
 * {@code from}) is a {@link BadParameterException} thrown by its constructor: Spring
 * hands it over as the cause of the binding failure, and it is answered like any other.
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

	/**
	 * A request record's parameter that does not convert or breaks a constraint: the
	 * problem names the first (conversions first, then in declaration order).
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a conversion's error names the query parameter, a constraint's the Java name
		Map<String, String> names = RequestRecords.parameterNames(ex.getParameter().getParameterType());
		Function<FieldError, String> parameter = (error) -> names.getOrDefault(error.getField(), error.getField());
		List<String> order = List.copyOf(names.values());
		Optional<FieldError> first = ex.getFieldErrors()
			.stream()
			.min(Comparator.comparing((FieldError error) -> !error.contains(TypeMismatchException.class))
				.thenComparing((error) -> order.indexOf(parameter.apply(error))));
		if (first.isEmpty()) {
			return super.handleMethodArgumentNotValid(ex, headers, status, request);
		}
		FieldError error = first.get();
		String name = parameter.apply(error);
		String detail = error.contains(TypeMismatchException.class)
				? mustBe(name, error.unwrap(TypeMismatchException.class))
				: "Parameter '" + name + "' " + error.getDefaultMessage();
		return handleExceptionInternal(ex, badParameter(name, detail), headers, HttpStatus.BAD_REQUEST, request);
	}

	/** A path id that is no {@link ResourceId}. */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String detail = (ex.getRequiredType() == ResourceId.class)
				? "'" + name + "' must be a positive whole number (got '" + ex.getValue() + "')" : mustBe(name, ex);
		return handleExceptionInternal(ex, badParameter(name, detail), headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String mustBe(String name, TypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? describe(ex.getRequiredType()) : "a valid value";
		Object value = ex.getValue();
		String given = (value instanceof String[] values) ? String.join(",", values) : String.valueOf(value);
		return "Parameter '" + name + "' must be " + expected + " (got '" + given + "')";
	}

	private static String describe(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a whole number";
		}
		if (type == Instant.class) {
			return "an ISO-8601 time such as 2026-11-26T12:00:00Z or milliseconds since the epoch";
		}
		if (type == Direction.class) {
			return "inbound or outbound";
		}
		if (type == PhoneNumber.class) {
			return "a phone number in E.164 form such as +14155550101";
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
