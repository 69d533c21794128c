package com.cti.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP response as {@link HttpConnection} read it.
 *
 * @param status the status code
 * @param headers the headers, names in lower case
 * @param body the body (de-chunked)
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

	public boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
	}

}
