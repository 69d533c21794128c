package com.cti.admin.dialpad;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Turns the last failure of a request to Dialpad into the problem the operator sees: a
 * refused key says so, a rate limit becomes 503 with {@code Retry-After}, a Dialpad fault
 * becomes 502.
 */
final class DialpadErrors {

	/** Asked of the caller when Dialpad rate-limits without saying for how long. */
	static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.shared();

	private DialpadErrors() {
	}

	static RuntimeException translate(Throwable failure, String operation, String credential, int attempts) {
		if (failure instanceof RestClientResponseException response) {
			return fromResponse(response, operation, credential, attempts);
		}
		if (failure instanceof ResourceAccessException) {
			boolean timeout = causedBy(failure, HttpTimeoutException.class)
					|| causedBy(failure, SocketTimeoutException.class);
			return timeout
					? new DialpadException(HttpStatus.GATEWAY_TIMEOUT, "dialpad-timeout", "Dialpad did not answer",
							"Dialpad did not answer " + operation + " in time" + after(attempts), 0, null, failure)
					: new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-unreachable", "Dialpad is unreachable",
							"Could not reach Dialpad for " + operation + after(attempts) + ": " + failure.getMessage(),
							0, null, failure);
		}
		if (failure instanceof RestClientException) {
			return new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-bad-answer", "Unreadable answer from Dialpad",
					"Dialpad's answer to " + operation + " could not be read: " + failure.getMessage(), 0, null,
					failure);
		}
		return (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
	}

	private static DialpadException fromResponse(RestClientResponseException response, String operation,
			String credential, int attempts) {
		int status = response.getStatusCode().value();
		String body = response.getResponseBodyAsString();
		String said = message(body);
		String error = oauthError(body);
		String dialpadSaid = (said != null) ? " Dialpad said: " + said : "";
		if (status == 401 || status == 403) {
			return new DialpadException(HttpStatus.BAD_GATEWAY, "dialpad-credentials-rejected",
					"Dialpad refused the credentials",
					"Dialpad answered " + status + " to " + operation + ": " + credential
							+ " is wrong, revoked, or lacks the scope this call needs"
							+ " (webhooks and subscriptions need a company-admin key; backfill needs calls:list)."
							+ dialpadSaid,
					status, error, response);
		}
		if (status == 404) {
			return new DialpadException(HttpStatus.NOT_FOUND, "dialpad-not-found", "Not found at Dialpad",
					"Dialpad has no such resource (" + operation + " answered 404)." + dialpadSaid, status, error,
					response);
		}
		if (status == 400 || status == 422) {
			return new DialpadException(HttpStatus.BAD_REQUEST, "dialpad-rejected-request",
					"Dialpad rejected the request",
					"Dialpad rejected " + operation + " (" + status + ")." + dialpadSaid, status, error, response);
		}
		if (status == 429) {
			Duration retryAfter = DialpadRetry.retryAfter(response);
			return new DialpadException(HttpStatus.SERVICE_UNAVAILABLE, "dialpad-rate-limited", "Dialpad's rate limit",
					"Dialpad is rate-limiting " + operation + after(attempts) + "; try again later.", status, error,
					response)
				.withRetryAfter((retryAfter != null) ? retryAfter : DEFAULT_RETRY_AFTER);
		}
		String kind = (status >= 500) ? "dialpad-unavailable" : "dialpad-unexpected-status";
		return new DialpadException(HttpStatus.BAD_GATEWAY, kind, "Dialpad failed",
				"Dialpad answered " + status + " to " + operation + after(attempts) + "." + dialpadSaid, status, error,
				response);
	}

	private static String after(int attempts) {
		return (attempts > 1) ? " (after " + attempts + " attempts)" : "";
	}

	/**
	 * Dialpad's own message: {@code error.message}, {@code error_description} or
	 * {@code message}.
	 */
	static @Nullable String message(@Nullable String body) {
		JsonNode node = parse(body);
		if (node == null) {
			return (body == null || body.isBlank()) ? null : abbreviate(body.strip());
		}
		for (JsonNode candidate : new JsonNode[] { node.path("error").path("message"), node.path("error_description"),
				node.path("message"), node.path("error") }) {
			if (candidate.isString() && !candidate.asString().isBlank()) {
				return abbreviate(candidate.asString());
			}
		}
		return null;
	}

	private static @Nullable String oauthError(@Nullable String body) {
		JsonNode node = parse(body);
		return (node != null && node.path("error").isString()) ? node.path("error").asString() : null;
	}

	private static @Nullable JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
