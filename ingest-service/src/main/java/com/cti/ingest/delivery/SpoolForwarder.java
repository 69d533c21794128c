package com.cti.ingest.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.cti.ingest.delivery.EventSpool.Entry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Forwards spooled events to Kafka, in the order they were spooled, on a thread of its
 * own: a batch is sent, and the spool's checkpoint moves past the longest run of
 * acknowledged events. An event acknowledged after a failed one is remembered, so that
 * the retry does not send it again. While Kafka is down it probes with one event at a
 * time, backing off. It stops after the web server (phase), finishing the batch in flight
 * and forwarding what it can within the shutdown grace period.
 */
@Component
class SpoolForwarder implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SpoolForwarder.class);

	private static final int BATCH = 256;

	private static final Duration ACK_WAIT = Duration.ofSeconds(10);

	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	private static final Duration MIN_BACKOFF = Duration.ofMillis(200);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(5);

	private final EventSpool spool;

	private final EventPublisher publisher;

	private final DeliveryMetrics metrics;

	private final SpooledTraces traces;

	/** Events acknowledged beyond a failed one in their batch: not to be sent again. */
	private final Set<UUID> deliveredAhead = new HashSet<>();

	private volatile boolean running;

	private volatile long drainUntil;

	private @Nullable Thread thread;

	private Duration backoff = MIN_BACKOFF;

	private boolean probing;

	SpoolForwarder(EventSpool spool, EventPublisher publisher, DeliveryMetrics metrics, SpooledTraces traces) {
		this.traces = traces;
		this.spool = spool;
		this.publisher = publisher;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "cti-ingest-spool-forwarder");
		thread.setDaemon(true);
		this.thread = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.drainUntil = System.nanoTime() + SHUTDOWN_DRAIN.toNanos();
		this.running = false;
		Thread thread = this.thread;
		if (thread != null) {
			try {
				thread.join(SHUTDOWN_DRAIN.plusSeconds(3).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (!this.spool.isEmpty()) {
			logger.info("{} spooled events wait in {} for the next start", this.spool.depth(), this.spool.directory());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the web server has stopped taking requests and finished those in flight. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void run() {
		while (this.running || (System.nanoTime() < this.drainUntil && !this.spool.isEmpty() && !this.probing)) {
			try {
				if (this.spool.isEmpty()) {
					this.spool.awaitRecords(IDLE_WAIT);
					continue;
				}
				List<Entry> batch = this.spool.read(this.probing ? 1 : BATCH);
				if (batch.isEmpty()) {
					// appended but not yet synced
					this.spool.awaitSync(Duration.ofMillis(5));
					continue;
				}
				if (forward(batch)) {
					this.probing = false;
					this.backoff = MIN_BACKOFF;
				}
				else {
					this.probing = true;
					pause();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (IOException | RuntimeException ex) {
				logger.error("Forwarding the spool failed, retrying: {}", EventPublisher.describe(ex));
				this.probing = true;
				pause();
			}
		}
	}

	/** Sends a batch and commits what Kafka acknowledged; true when it took all of it. */
	private boolean forward(List<Entry> batch) throws IOException, InterruptedException {
		List<@Nullable SpooledEvent> events = new ArrayList<>(batch.size());
		List<@Nullable CompletableFuture<?>> sends = new ArrayList<>(batch.size());
		for (Entry entry : batch) {
			SpooledEvent event = decode(entry);
			if (events.isEmpty() && event != null) {
				this.metrics.oldestSpooled(event.event().receivedAt());
			}
			events.add(event);
			boolean skip = event == null || this.deliveredAhead.remove(event.event().eventId());
			sends.add(skip ? null : send(event));
		}
		long deadline = System.nanoTime() + ACK_WAIT.toNanos();
		int acknowledged = 0;
		boolean gap = false;
		for (int i = 0; i < batch.size(); i++) {
			boolean ok = acknowledged(sends.get(i), deadline);
			if (ok && !gap) {
				acknowledged++;
			}
			else if (ok) {
				SpooledEvent event = events.get(i);
				if (event != null) {
					this.deliveredAhead.add(event.event().eventId());
				}
			}
			else {
				gap = true;
			}
		}
		if (acknowledged > 0) {
			this.spool.commit(batch.get(acknowledged - 1), acknowledged);
			this.metrics.forwarded(acknowledged);
		}
		if (gap) {
			logger.warn("Kafka took {} of {} spooled events; {} wait in the spool", acknowledged, batch.size(),
					this.spool.depth());
		}
		return !gap;
	}

	private CompletableFuture<?> send(SpooledEvent event) {
		try {
			return this.traces.continuing(event.traceparent(), () -> this.publisher.send(event.event(), event.key()));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static @Nullable SpooledEvent decode(Entry entry) {
		try {
			return SpooledEvent.fromBytes(entry.data());
		}
		catch (RuntimeException ex) {
			// a record that passed its CRC but does not decode can never be sent: do not
			// let it block the rest
			logger.error("Dropping an undecodable spool record before {}: {}", entry.next(),
					ex.getClass().getSimpleName());
			return null;
		}
	}

	private static boolean acknowledged(@Nullable CompletableFuture<?> send, long deadline)
			throws InterruptedException {
		if (send == null) {
			return true;
		}
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private void pause() {
		try {
			Thread.sleep(this.backoff.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
			this.drainUntil = 0;
		}
		this.backoff = this.backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
				: this.backoff.multipliedBy(2);
	}

}
