package com.cti.processor.messages;

import java.util.UUID;

import com.cti.processor.merge.MergedValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The merged state of one SMS/MMS: each field from the newest event that carried it, and
 * the most advanced delivery status.
 */
final class Message {

	private final UUID appId;

	private final long messageId;

	private final MergedValues merged;

	Message(UUID appId, long messageId) {
		this(appId, messageId, new MergedValues());
	}

	Message(UUID appId, long messageId, MergedValues merged) {
		this.appId = appId;
		this.messageId = messageId;
		this.merged = merged;
	}

	void apply(JsonNode payload, String rawJson) {
		this.merged.apply(MessageFields.ALL, payload, rawJson);
	}

	boolean changed() {
		return this.merged.changed();
	}

	UUID appId() {
		return this.appId;
	}

	long messageId() {
		return this.messageId;
	}

	@Nullable Object value(String column) {
		return this.merged.value(column);
	}

	MergedValues merged() {
		return this.merged;
	}

}
