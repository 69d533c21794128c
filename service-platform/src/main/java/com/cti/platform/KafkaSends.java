package com.cti.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import org.apache.kafka.common.header.Headers;

/**
 * What every service that publishes to Kafka does alike: the envelope's headers, and a
 * bounded wait for the broker's acknowledgement.
 */
public final class KafkaSends {

	private KafkaSends() {
	}

	/**
	 * Adds the headers a consumer reads before the value: the envelope's schema version
	 * and the event's kind.
	 */
	public static void addEnvelopeHeaders(Headers headers, DialpadEventReceived event) {
		headers.add(EventHeaders.SCHEMA_VERSION,
				Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.EVENT_KIND, event.kind().wireName().getBytes(StandardCharsets.UTF_8));
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
