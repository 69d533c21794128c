package com.cti.ingest.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a spooled event in its webhook's trace: the request's W3C {@code traceparent} is
 * stored with the event, and the forwarder sends it later inside a span continuing that
 * trace, so that the record's own {@code traceparent} still leads back to the request.
 */
@Component
class SpooledTraces {

	static final String TRACEPARENT = "traceparent";

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	SpooledTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable();
		this.propagator = propagator.getIfAvailable();
	}

	/** The current trace's {@code traceparent}, or null outside any trace. */
	@Nullable String current() {
		if (this.tracer == null || this.propagator == null) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(span.context(), carrier, Map::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Runs the send in a span continuing the stored trace, or as it is without one.
	 * @param traceparent the stored trace, if any
	 * @param send the send
	 * @return what the send returns
	 */
	<T> T continuing(@Nullable String traceparent, Supplier<T> send) {
		if (traceparent == null || this.tracer == null || this.propagator == null) {
			return send.get();
		}
		Span span = this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name("spool forward").start();
		try (var scope = this.tracer.withSpan(span)) {
			return send.get();
		}
		finally {
			span.end();
		}
	}

}
