package com.cti.bench.load;

import org.jspecify.annotations.Nullable;

/**
 * What one connection of an open-loop run does for each of its slots. {@link #prepare}
 * runs before the slot is due (so building a request costs no latency), {@link #execute}
 * once it is due.
 *
 * @param <T> the prepared request
 */
public interface Worker<T> extends AutoCloseable {

	T prepare(long slot);

	/**
	 * Sends the prepared request and waits for its answer.
	 * @return {@code null} when it succeeded, else a short label of the failure (e.g.
	 * {@code "http 503"})
	 */
	@Nullable String execute(T prepared, long scheduledNanos) throws Exception;

	@Override
	default void close() {
	}

}
