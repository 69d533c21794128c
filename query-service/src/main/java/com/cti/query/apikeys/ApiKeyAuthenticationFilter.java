package com.cti.query.apikeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.cti.query.ratelimit.RequestThrottle;
import com.cti.query.ratelimit.Throttle;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the client API: resolves the {@code x-app-api-key} header to the caller's app by
 * the key's hash, then takes the request from the key's rate limit. Without a valid key
 * the request gets a 401 problem (429 once its address has tried too many invalid keys);
 * over the rate limit a 429 with {@code Retry-After}. Every answer to a valid key carries
 * the {@code RateLimit-*} headers. Handlers get the app as a {@link CallerApp} parameter
 * ({@link CallerAppArgumentResolver}).
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "x-app-api-key";

	private final ApiKeyLookup lookup;

	private final RequestThrottle throttle;

	private final ApiKeyUsageRecorder usage;

	private final MeterRegistry meters;

	ApiKeyAuthenticationFilter(ApiKeyLookup lookup, RequestThrottle throttle, ApiKeyUsageRecorder usage,
			MeterRegistry meters) {
		this.meters = meters;
		// there before the first 429, so that a rate of refusals starts from 0
		meters.counter("cti.query.requests.throttled", "reason", "invalid-keys", "app", "none");
		this.lookup = lookup;
		this.throttle = throttle;
		this.usage = usage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null || key.isBlank()) {
			problem(response, 401, "unauthorized", "Unauthorized", "The x-app-api-key header is required");
			return;
		}
		byte[] hash = sha256(key.strip());
		String address = request.getRemoteAddr();
		Throttle refused = this.lookup.knownValid(hash) ? null : this.throttle.refusedAddress(address);
		if (refused != null) {
			tooManyInvalidKeys(response, refused);
			return;
		}
		Optional<ApiKeyLookup.ApiKey> apiKey = this.lookup.find(hash);
		if (apiKey.isEmpty()) {
			Throttle attempt = this.throttle.invalidKey(address);
			if (!attempt.allowed()) {
				tooManyInvalidKeys(response, attempt);
				return;
			}
			problem(response, 401, "unauthorized", "Unauthorized",
					"The API key is not valid (unknown, revoked or expired)");
			return;
		}
		Throttle allowance = this.throttle.request(apiKey.get().id());
		response.setHeader("RateLimit-Limit", Long.toString(allowance.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(allowance.remaining()));
		response.setHeader("RateLimit-Reset", Long.toString(allowance.resetSeconds()));
		if (!allowance.allowed()) {
			throttled("api-key", apiKey.get().appId().toString());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(allowance.retryAfterSeconds()));
			problem(response, 429, "rate-limited", "Too Many Requests",
					"This API key is over its rate limit; retry after " + allowance.retryAfterSeconds() + " s");
			return;
		}
		this.usage.used(apiKey.get().id());
		request.setAttribute(CallerApp.ATTRIBUTE, new CallerApp(apiKey.get().appId()));
		chain.doFilter(request, response);
	}

	/**
	 * Counts a 429: the app tag is the app's id for a key over its limit (apps are few,
	 * made by an operator), {@code none} for an address throttled for its invalid keys.
	 */
	private void throttled(String reason, String app) {
		this.meters.counter("cti.query.requests.throttled", "reason", reason, "app", app).increment();
	}

	private void tooManyInvalidKeys(HttpServletResponse response, Throttle refused) throws IOException {
		throttled("invalid-keys", "none");
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		problem(response, 429, "rate-limited", "Too Many Requests",
				"Too many requests with an invalid API key from this address; retry after "
						+ refused.retryAfterSeconds() + " s");
	}

	private static void problem(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("""
					{"type":"urn:cti:api:%s","title":"%s","status":%d,"detail":"%s"}""".formatted(type, title, status,
					detail));
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
