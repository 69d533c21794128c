package com.cti.admin.dialpad;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The problems (RFC 9457) that the Dialpad provisioning features answer with; every type
 * is {@code urn:cti:admin:<code>}.
 */
public final class ProvisioningProblems {

	private ProvisioningProblems() {
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

	/** A setting this feature needs is missing or wrong: the operator must fix it. */
	public static ErrorResponseException notConfigured(String code, String title, String detail) {
		return of(HttpStatus.SERVICE_UNAVAILABLE, code, title, detail);
	}

	public static ErrorResponseException of(HttpStatus status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:cti:admin:" + code));
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
