package com.cti.platform;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every service that publishes to Kafka and waits for it does alike: a bounded wait
 * for the broker's acknowledgement.
 */
public final class KafkaSends {

	private KafkaSends() {
	}

	/**
	 * Waits for a send's acknowledgement.
	 * @param sent the send's future
	 * @param timeout the longest wait
	 * @throws NotAcknowledgedException when Kafka refused the record, did not answer in
	 * time, or the wait was interrupted (the interrupt is kept)
	 */
	public static void awaitAcknowledged(Future<?> sent, Duration timeout) {
		try {
			sent.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotAcknowledgedException(ex);
		}
		catch (ExecutionException ex) {
			throw new NotAcknowledgedException((ex.getCause() != null) ? ex.getCause() : ex);
		}
		catch (TimeoutException | RuntimeException ex) {
			throw new NotAcknowledgedException(ex);
		}
	}

	/** Kafka did not acknowledge a record; the cause says why. */
	public static class NotAcknowledgedException extends RuntimeException {

		NotAcknowledgedException(Throwable cause) {
			super("Kafka did not acknowledge the record: " + cause, cause);
		}

	}

}
