package com.cti.processor.merge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The merged fields of one projected row, each with the {@code event_timestamp} of the
 * event its value came from, plus the newest event's raw payload. Knows whether anything
 * changed since it was created or restored.
 */
public final class MergedValues {

	private final Map<String, Object> values = new HashMap<>();

	private final Map<String, Long> timestamps = new HashMap<>();

	private long eventTimestamp = Long.MIN_VALUE;

	private String rawPayload = "{}";

	private @Nullable String canonicalRawPayload;

	private boolean changed;

	/** Restores the merged state of a stored row. */
	public static MergedValues restore(Map<String, @Nullable Object> values, Map<String, Long> timestamps,
			long eventTimestamp, String rawPayload) {
		MergedValues merged = new MergedValues();
		values.forEach((column, value) -> {
			if (value != null) {
				merged.values.put(column, value);
			}
		});
		merged.timestamps.putAll(timestamps);
		merged.eventTimestamp = eventTimestamp;
		merged.rawPayload = rawPayload;
		return merged;
	}

	/** The event's {@code event_timestamp}, 0 when it has none. */
	public static long eventTimestampOf(JsonNode payload) {
		return (FieldType.LONG.read(payload.get("event_timestamp")) instanceof Long timestamp) ? timestamp : 0L;
	}

	/**
	 * Merges one event into these values.
	 * @return whether anything changed
	 */
	public boolean apply(List<MergeField> fields, JsonNode payload, String rawJson) {
		long timestamp = eventTimestampOf(payload);
		boolean changedNow = false;
		for (MergeField field : fields) {
			Object value = field.read(payload);
			if (value != null && field.wins(value, timestamp, this.values.get(field.column()),
					this.timestamps.get(field.column()))) {
				this.values.put(field.column(), value);
				this.timestamps.put(field.column(), timestamp);
				changedNow = true;
			}
		}
		if (timestamp > this.eventTimestamp || (timestamp == this.eventTimestamp && newerRawPayload(rawJson))) {
			this.eventTimestamp = timestamp;
			this.rawPayload = rawJson;
			this.canonicalRawPayload = null;
			changedNow = true;
		}
		this.changed |= changedNow;
		return changedNow;
	}

	/** Two events of one row at the same time: the larger canonical text wins. */
	private boolean newerRawPayload(String rawJson) {
		if (this.canonicalRawPayload == null) {
			this.canonicalRawPayload = CanonicalJson.of(this.rawPayload);
		}
		return CanonicalJson.of(rawJson).compareTo(this.canonicalRawPayload) > 0;
	}

	public @Nullable Object value(String column) {
		return this.values.get(column);
	}

	public Map<String, Long> timestamps() {
		return this.timestamps;
	}

	public long eventTimestamp() {
		return this.eventTimestamp;
	}

	public String rawPayload() {
		return this.rawPayload;
	}

	public boolean changed() {
		return this.changed;
	}

}
