package com.cti.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body up to a limit, for the webhooks and the internal intake alike: a
 * body whose declared length is over the limit is not read at all, and one that turns out
 * longer is read no further than one byte past it.
 */
public final class BoundedBody {

	private BoundedBody() {
	}

	/** The body, or null when it is longer than the limit. */
	public static byte @Nullable [] read(HttpServletRequest request, long limit) throws IOException {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) limit + 1);
			return (body.length > limit) ? null : body;
		}
	}

}
