package com.cti.admin.apps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the admin API into an RFC 9457 problem; invalid input lists what
 * is wrong with each field or parameter under {@code errors}.
 */
@RestControllerAdvice(basePackages = "com.cti.admin")
class AdminExceptionHandler extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Map.of("field", snakeCase(error.getField()), "message", message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(Map.of("field", "", "message", message(error))));
		ex.getBody().setDetail("Invalid request content: " + summary(errors));
		ex.getBody().setProperty("errors", errors);
		return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = (result.getMethodParameter().getParameterName() != null)
					? result.getMethodParameter().getParameterName() : "";
			result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field", name, "message", message(error))));
		});
		ex.getBody().setDetail("Invalid request: " + summary(errors));
		ex.getBody().setProperty("errors", errors);
		return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
	}

	/**
	 * A parameter or path variable that does not convert: says which and what was given,
	 * never the Java type (nor, for a parameter given twice, an array's identity).
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = snakeCase((ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName()));
		Object value = ex.getValue();
		String given = (value instanceof String[] values) ? String.join(",", values) : String.valueOf(value);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + name + "' must be " + expected(ex.getRequiredType()) + " (got '" + given + "')");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a whole number";
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == Instant.class) {
			return "an ISO-8601 time such as 2026-11-26T12:00:00Z";
		}
		if (type.isEnum()) {
			return "one of " + String.join(", ",
					Arrays.stream(type.getEnumConstants())
						.map((constant) -> constant.toString().toLowerCase(Locale.ROOT))
						.toList());
		}
		return "a valid value";
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
	}

	private static String summary(List<Map<String, String>> errors) {
		return String.join("; ",
				errors.stream().map((error) -> (error.get("field") + " " + error.get("message")).strip()).toList());
	}

	private static String snakeCase(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
