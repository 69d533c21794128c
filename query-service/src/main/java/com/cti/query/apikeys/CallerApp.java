package com.cti.query.apikeys;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The app that the request's API key belongs to: every query is scoped to it.
 */
public final class CallerApp {

	private static final String ATTRIBUTE = CallerApp.class.getName();

	private CallerApp() {
	}

	static void set(HttpServletRequest request, UUID appId) {
		request.setAttribute(ATTRIBUTE, appId);
	}

	/**
	 * The caller's app; only requests that passed the API key filter reach a controller.
	 */
	public static UUID from(HttpServletRequest request) {
		Object appId = request.getAttribute(ATTRIBUTE);
		if (appId instanceof UUID id) {
			return id;
		}
		throw new IllegalStateException("No API key was checked for " + request.getRequestURI());
	}

}
