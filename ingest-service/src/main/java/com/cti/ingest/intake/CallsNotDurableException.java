package com.cti.ingest.intake;

import com.cti.ingest.delivery.EventNotDurableException;

/**
 * Neither Kafka nor the spool could take one of the calls: the caller gets 503 and
 * repeats the whole request, which is safe (the processor records each call event once,
 * by its content hash).
 */
class CallsNotDurableException extends RuntimeException {

	private final int durable;

	private final int total;

	CallsNotDurableException(int durable, int total, EventNotDurableException cause) {
		super(durable + " of " + total + " calls were made durable: " + cause.getMessage(), cause);
		this.durable = durable;
		this.total = total;
	}

	int durable() {
		return this.durable;
	}

	int total() {
		return this.total;
	}

}
