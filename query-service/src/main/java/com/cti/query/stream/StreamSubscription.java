package com.cti.query.stream;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: sends its app's changes after its position, in order, and heartbeats.
 * Work runs on the shared stream executor, one drain at a time per stream, so an idle
 * stream holds neither a thread nor a database connection.
 */
final class StreamSubscription {

	private static final Logger logger = LoggerFactory.getLogger(StreamSubscription.class);

	private static final int BATCH = 200;

	static final String DELETED = "deleted";

	private final UUID appId;

	private final SseEmitter emitter;

	private final ChangeFeed feed;

	private final ChangeRenderer renderer;

	private final Executor executor;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean changed = true;

	private volatile boolean heartbeatDue;

	/** The id of the last change delivered (or known not to be this app's). */
	private long last;

	StreamSubscription(UUID appId, long start, SseEmitter emitter, ChangeFeed feed, ChangeRenderer renderer,
			Executor executor) {
		this.appId = appId;
		this.last = start;
		this.emitter = emitter;
		this.feed = feed;
		this.renderer = renderer;
		this.executor = executor;
	}

	UUID appId() {
		return this.appId;
	}

	/** New changes may be there. */
	void signal() {
		this.changed = true;
		schedule();
	}

	void heartbeat() {
		this.heartbeatDue = true;
		schedule();
	}

	private void schedule() {
		if (!this.closed.get() && this.scheduled.compareAndSet(false, true)) {
			this.executor.execute(this::drain);
		}
	}

	private void drain() {
		try {
			while (!this.closed.get() && (this.changed || this.heartbeatDue)) {
				if (this.heartbeatDue) {
					this.heartbeatDue = false;
					this.emitter.send(SseEmitter.event().comment("heartbeat"));
				}
				this.changed = false;
				deliver();
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing a stream of app {}: {}", this.appId, ex.toString());
			close();
		}
		finally {
			this.scheduled.set(false);
			if (!this.closed.get() && (this.changed || this.heartbeatDue)) {
				schedule();
			}
		}
	}

	private void deliver() throws IOException {
		long upTo = this.feed.position();
		while (this.last < upTo) {
			List<ChangeFeed.Change> changes = this.feed.changes(this.appId, this.last, upTo, BATCH);
			for (ChangeRenderer.Rendered rendered : this.renderer.render(this.appId, changes)) {
				ChangeFeed.Change change = rendered.change();
				SseEmitter.SseEventBuilder event = SseEmitter.event().id(Long.toString(change.id()));
				if (rendered.resource() != null) {
					event.name(change.type()).data(rendered.resource(), MediaType.APPLICATION_JSON);
				}
				else {
					// gone since (a projection rebuild can remove a row)
					event.name(DELETED)
						.data(new Deleted(change.type(), change.resourceId()), MediaType.APPLICATION_JSON);
				}
				this.emitter.send(event);
				this.last = change.id();
			}
			if (changes.size() < BATCH) {
				this.last = upTo;
			}
		}
	}

	/** Ends the stream (the client reconnects with Last-Event-ID). */
	void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.emitter.complete();
			}
			catch (RuntimeException ex) {
				// already completed by the container
			}
		}
	}

	boolean isClosed() {
		return this.closed.get();
	}

	/** The data of a {@code deleted} event: which resource is no longer there. */
	record Deleted(String type, long id) {
	}

}
