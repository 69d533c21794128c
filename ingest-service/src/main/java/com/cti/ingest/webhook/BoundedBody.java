package com.cti.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body up to a limit, for the webhooks and the internal intake alike: a
 * body whose declared length is over the limit is not read at all, and one that turns out
 * longer is read no further than one byte past it. With a deadline, a body that trickles
 * in (slowloris) is given up once the deadline has passed, so that it holds its request
 * thread no longer than the deadline plus one read of Tomcat's connection timeout.
 */
public final class BoundedBody {

	private static final int CHUNK = 8192;

	private BoundedBody() {
	}

	/** The body, or null when it is longer than the limit. */
	public static byte @Nullable [] read(HttpServletRequest request, long limit) throws IOException {
		return read(request, limit, null);
	}

	/**
	 * The body, or null when it is longer than the limit.
	 * @param deadline how long the whole body may take to arrive, null for no limit
	 * @throws TooSlowException when the body has not arrived within the deadline
	 */
	public static byte @Nullable [] read(HttpServletRequest request, long limit, @Nullable Duration deadline)
			throws IOException {
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		long endsAt = (deadline != null) ? System.nanoTime() + deadline.toNanos() : Long.MAX_VALUE;
		try (InputStream in = request.getInputStream()) {
			byte[] body = new byte[(int) Math.min(limit + 1, CHUNK)];
			int length = 0;
			while (length <= limit) {
				if (length == body.length) {
					body = Arrays.copyOf(body, (int) Math.min(limit + 1, (long) body.length * 2));
				}
				int read = in.read(body, length, body.length - length);
				if (read < 0) {
					break;
				}
				length += read;
				if (deadline != null && System.nanoTime() - endsAt > 0) {
					throw new TooSlowException(deadline);
				}
			}
			return (length > limit) ? null : Arrays.copyOf(body, length);
		}
	}

	/** A body that did not arrive within its deadline. */
	public static final class TooSlowException extends IOException {

		private final Duration deadline;

		TooSlowException(Duration deadline) {
			super("The body did not arrive within " + deadline.toSeconds() + " s");
			this.deadline = deadline;
		}

		public Duration deadline() {
			return this.deadline;
		}

	}

}
