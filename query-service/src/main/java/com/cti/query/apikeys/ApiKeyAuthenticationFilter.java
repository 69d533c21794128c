package com.cti.query.apikeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the {@code x-app-api-key} header to the caller's app, by the key's hash;
 * without a valid key the request gets a 401 problem and reaches no controller.
 * Controllers read the app with {@link CallerApp#from}.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "x-app-api-key";

	private final ApiKeyLookup lookup;

	ApiKeyAuthenticationFilter(ApiKeyLookup lookup) {
		this.lookup = lookup;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		Optional<UUID> appId = (key == null || key.isBlank()) ? Optional.empty()
				: this.lookup.appFor(sha256(key.strip()));
		if (appId.isPresent()) {
			CallerApp.set(request, appId.get());
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("""
					{"type":"urn:cti:api:unauthorized","title":"Unauthorized","status":401,"detail":"%s"}"""
				.formatted((key == null || key.isBlank()) ? "The x-app-api-key header is required"
						: "The API key is not valid (unknown, revoked or expired)"));
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
