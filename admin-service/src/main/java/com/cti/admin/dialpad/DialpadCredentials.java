package com.cti.admin.dialpad;

import java.util.Objects;

/**
 * The Bearer token a request to Dialpad carries, and where it came from (so that an error
 * can say which credential Dialpad refused). Never printed.
 *
 * @param bearerToken the company API key or an OAuth access token
 * @param source where the token came from
 */
public record DialpadCredentials(String bearerToken, Source source) {

	public DialpadCredentials {
		Objects.requireNonNull(bearerToken, "bearerToken");
		Objects.requireNonNull(source, "source");
	}

	@Override
	public String toString() {
		return "DialpadCredentials[" + this.source + "]";
	}

	/** Where a Dialpad token came from. */
	public enum Source {

		/** {@code DIALPAD_API_KEY}. */
		API_KEY("DIALPAD_API_KEY"),

		/** The app's own OAuth access token. */
		OAUTH("the app's Dialpad OAuth token");

		private final String description;

		Source(String description) {
			this.description = description;
		}

		/** How an error message names this credential. */
		public String description() {
			return this.description;
		}

	}

}
