package com.cti.admin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into {@code /internal} only with
 * {@code Authorization: Bearer <INTERNAL_API_SECRET>}, compared in constant time.
 * Anything else gets a 401 problem and reaches no controller; a source address with too
 * many failures gets 429 with {@code Retry-After} for every request until its allowance
 * refills. Logs never contain the secret nor what was sent in its place.
 */
class InternalAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(InternalAuthenticationFilter.class);

	// SHA-256 of the expected header: both sides compared are 32 bytes whatever was sent,
	// so the comparison's time says nothing about the secret, not even its length
	private final byte[] expected;

	private final FailedAuthenticationLimiter limiter;

	private final MeterRegistry meters;

	InternalAuthenticationFilter(String secret, FailedAuthenticationLimiter limiter, MeterRegistry meters) {
		this.expected = sha256("Bearer " + secret);
		this.limiter = limiter;
		this.meters = meters;
		// each reason there before its first refusal, so that a rate of refusals starts
		// from 0
		List.of("no-credentials", "wrong-credentials", "rate-limited")
			.forEach((reason) -> meters.counter("cti.admin.requests.refused", "reason", reason));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		Duration blockedFor = this.limiter.blockedFor(address);
		if (blockedFor != null) {
			logger.debug("Refused {} {} from {}: too many failed authentications", request.getMethod(),
					request.getRequestURI(), address);
			refused("rate-limited");
			tooManyFailures(response, blockedFor);
			return;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && MessageDigest.isEqual(this.expected, sha256(header))) {
			chain.doFilter(request, response);
			return;
		}
		boolean exhausted = this.limiter.recordFailure(address);
		logger.warn("Refused {} {} from {}: {}{}", request.getMethod(), request.getRequestURI(), address,
				(header == null) ? "no Authorization header" : "wrong credentials",
				exhausted ? "; too many failures, further requests from this address get 429 for a while" : "");
		refused((header == null) ? "no-credentials" : "wrong-credentials");
		unauthorized(response);
	}

	/**
	 * Counts a refused {@code /internal} request: 401 by what was wrong, 429 when
	 * throttled.
	 */
	private void refused(String reason) {
		this.meters.counter("cti.admin.requests.refused", "reason", reason).increment();
	}

	private static void unauthorized(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("""
				{"type":"urn:cti:admin:unauthorized","title":"Unauthorized","status":401,\
				"detail":"A valid 'Authorization: Bearer <INTERNAL_API_SECRET>' header is required"}""");
	}

	private static void tooManyFailures(HttpServletResponse response, Duration blockedFor) throws IOException {
		long seconds = Math.max(1, (blockedFor.toMillis() + 999) / 1000);
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("""
					{"type":"urn:cti:admin:too-many-failed-authentications","title":"Too Many Requests","status":429,\
					"detail":"Too many failed authentications from this address; retry after %d seconds"}"""
				.formatted(seconds));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
