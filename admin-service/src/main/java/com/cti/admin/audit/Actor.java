package com.cti.admin.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who asked for a change, for the audit log. Everyone authenticates with the one internal
 * secret, so the name is what the caller says in the optional {@code X-Actor} header
 * (e.g. an operator's login), else {@value #DEFAULT_NAME}; the source address is the
 * client's address as the server sees it, with {@code X-Forwarded-For} kept beside it.
 *
 * @param name who, as far as the caller says
 * @param sourceAddress the remote address of the request
 * @param forwardedFor the {@code X-Forwarded-For} header, when there was one
 */
public record Actor(String name, @Nullable String sourceAddress, @Nullable String forwardedFor) {

	/** The request header that names the person or system behind a request. */
	public static final String HEADER = "X-Actor";

	static final String DEFAULT_NAME = "internal-api";

	private static final int MAX_LENGTH = 100;

	/** The actor of a request. */
	public static Actor of(HttpServletRequest request) {
		return new Actor(clean(request.getHeader(HEADER), DEFAULT_NAME), request.getRemoteAddr(),
				clean(request.getHeader("X-Forwarded-For"), null));
	}

	private static @Nullable String clean(@Nullable String value, @Nullable String fallback) {
		if (value == null) {
			return fallback;
		}
		// the value goes to logs and the audit log: no control characters, bounded length
		String cleaned = value.replaceAll("\\p{Cntrl}", "").strip();
		if (cleaned.isEmpty()) {
			return fallback;
		}
		return (cleaned.length() > MAX_LENGTH) ? cleaned.substring(0, MAX_LENGTH) : cleaned;
	}

}
