package com.cti.ingest.delivery;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One spooled event: the envelope exactly as it will go to Kafka (same event id, so that
 * a copy published twice is recognised downstream) and its Kafka key.
 *
 * @param key the Kafka key, null when the kind has none
 * @param event the envelope
 * @param traceparent the W3C trace context of the webhook's request, so that the event
 * stays in its trace when it is forwarded later; null in a spool written before it was
 * kept, or outside any trace
 */
record SpooledEvent(@Nullable String key, DialpadEventReceived event, @Nullable String traceparent) {

	SpooledEvent(@Nullable String key, DialpadEventReceived event) {
		this(key, event, null);
	}

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	byte[] toBytes() {
		return jsonMapper.writeValueAsBytes(this);
	}

	static SpooledEvent fromBytes(byte[] bytes) {
		return jsonMapper.readValue(bytes, SpooledEvent.class);
	}

}
