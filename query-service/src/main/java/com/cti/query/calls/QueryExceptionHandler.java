package com.cti.query.calls;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the client API into an RFC 9457 problem.
 */
@RestControllerAdvice(basePackages = "com.cti.query")
class QueryExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:cti:api:bad-request"));
		return problem;
	}

}
