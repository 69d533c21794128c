package com.cti.admin.dialpad;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The retry policy and back-off of one request to Dialpad, for Spring Framework's
 * {@link org.springframework.core.retry.RetryTemplate}: 429 and 5xx and I/O errors are
 * retried with exponential back-off, or after Dialpad's {@code Retry-After} when it sends
 * one. A request that may have had an effect (a POST that timed out or got a 500) is not
 * repeated, so that a webhook or subscription is never created twice. One instance per
 * request: it remembers the last failure to honour its {@code Retry-After}.
 */
final class DialpadRetry implements RetryPolicy, BackOff {

	private static final Logger logger = LoggerFactory.getLogger(DialpadRetry.class);

	private final DialpadProperties.Retry settings;

	private final String operation;

	private final boolean idempotent;

	private volatile @Nullable Throwable lastFailure;

	DialpadRetry(DialpadProperties.Retry settings, String operation, boolean idempotent) {
		this.settings = settings;
		this.operation = operation;
		this.idempotent = idempotent;
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		this.lastFailure = failure;
		if (failure instanceof RestClientResponseException response) {
			int status = response.getStatusCode().value();
			if (status == 429) {
				Duration retryAfter = retryAfter(response);
				return retryAfter == null || retryAfter.compareTo(this.settings.maxRetryAfter()) <= 0;
			}
			return status >= 500 && (this.idempotent || status == 502 || status == 503 || status == 504);
		}
		if (failure instanceof ResourceAccessException) {
			return this.idempotent || failure.getCause() instanceof ConnectException;
		}
		return false;
	}

	@Override
	public BackOff getBackOff() {
		return this;
	}

	@Override
	public BackOffExecution start() {
		return new Execution();
	}

	/**
	 * The wait that Dialpad asked for on a 429 or 503, as seconds or an HTTP date; null
	 * when it asked for none.
	 */
	static @Nullable Duration retryAfter(Throwable failure) {
		if (!(failure instanceof RestClientResponseException response)) {
			return null;
		}
		HttpHeaders headers = response.getResponseHeaders();
		String value = (headers != null) ? headers.getFirst(HttpHeaders.RETRY_AFTER) : null;
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				var date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration wait = Duration.between(ZonedDateTime.now(date.getZone()), date);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private final class Execution implements BackOffExecution {

		private int retries;

		@Override
		public long nextBackOff() {
			if (this.retries >= DialpadRetry.this.settings.maxRetries()) {
				return STOP;
			}
			Throwable failure = DialpadRetry.this.lastFailure;
			Duration retryAfter = (failure != null) ? retryAfter(failure) : null;
			long wait = (retryAfter != null) ? retryAfter.toMillis() : exponential(this.retries);
			this.retries++;
			logger.warn("Dialpad {} failed ({}); retry {} of {} in {} ms", DialpadRetry.this.operation,
					describe(failure), this.retries, DialpadRetry.this.settings.maxRetries(), wait);
			return wait;
		}

		private long exponential(int retry) {
			long initial = DialpadRetry.this.settings.initialBackoff().toMillis();
			long max = DialpadRetry.this.settings.maxBackoff().toMillis();
			return Math.min(max, initial << Math.min(retry, 20));
		}

		private static String describe(@Nullable Throwable failure) {
			if (failure instanceof RestClientResponseException response) {
				return "HTTP " + response.getStatusCode().value();
			}
			return (failure != null) ? failure.getClass().getSimpleName() : "unknown";
		}

	}

}
