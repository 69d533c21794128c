package com.cti.admin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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
 * Anything else gets a 401 problem and reaches no controller.
 */
class InternalAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(InternalAuthenticationFilter.class);

	private final byte[] expected;

	InternalAuthenticationFilter(String secret) {
		this.expected = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		logger.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
				(header == null) ? "no Authorization header" : "wrong credentials");
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("""
				{"type":"urn:cti:admin:unauthorized","title":"Unauthorized","status":401,\
				"detail":"A valid 'Authorization: Bearer <INTERNAL_API_SECRET>' header is required"}""");
	}

}
