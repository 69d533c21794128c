package com.cti.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*},
 * {@code application/*}) with 415 and a ProblemDetail. Spring MVC cannot represent such a
 * content type and fails with a server error when an endpoint reads the body; a content
 * type that does not parse at all is left to Spring MVC, which answers 415.
 */
class ContentTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isWildcard(request.getContentType())) {
			response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
			response.setContentType("application/problem+json");
			response.getWriter().write("""
					{"type":"about:blank","title":"Unsupported Media Type","status":415,\
					"detail":"Content-Type must name one media type, not a wildcard"}""");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isWildcard(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
