package com.cti.query.apikeys;

import java.util.UUID;

/**
 * The app that the request's API key belongs to: every query is scoped to it. A handler
 * method declares a parameter of this type to get it; only requests that passed the API
 * key filter reach a handler.
 *
 * @param id the app's id
 */
public record CallerApp(UUID id) {

	/** The request attribute that the API key filter sets. */
	static final String ATTRIBUTE = CallerApp.class.getName();

}
