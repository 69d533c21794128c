package com.cti.platform.fuzz;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One generated request.
 *
 * @param operation the operation it calls
 * @param method the HTTP method
 * @param pathAndQuery the encoded path and query string
 * @param headers the headers to send, credentials included
 * @param contentType the body's content type, or null for none
 * @param body the body, or null for none
 * @param caller who sends it
 */
public record FuzzRequest(FuzzOperation operation, String method, String pathAndQuery, Map<String, String> headers,
		@Nullable String contentType, @Nullable String body, FuzzCaller caller) {

	/** Whether the text is part of what the request sent (then an answer may echo it). */
	boolean sent(String text) {
		return this.pathAndQuery.contains(text) || (this.body != null && this.body.contains(text))
				|| this.headers.values().stream().anyMatch((value) -> value.contains(text));
	}

	@Override
	public String toString() {
		String shown = (this.pathAndQuery.length() > 300)
				? this.pathAndQuery.substring(0, 300) + "...(" + this.pathAndQuery.length() + " chars)"
				: this.pathAndQuery;
		String shownBody = (this.body != null && this.body.length() > 300)
				? this.body.substring(0, 300) + "...(" + this.body.length() + " chars)" : this.body;
		return this.method + " " + shown + " as " + this.caller + " headers " + this.headers.keySet()
				+ ((this.body != null) ? " body(" + this.contentType + ") " + shownBody : "");
	}

}
