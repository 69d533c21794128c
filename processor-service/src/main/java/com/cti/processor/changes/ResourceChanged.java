package com.cti.processor.changes;

import java.util.Objects;

/**
 * A projected resource that a batch changed.
 *
 * @param type what the resource is
 * @param resourceId its id: the call id of a leg or of a voicemail, the message id of a
 * message
 */
public record ResourceChanged(Type type, long resourceId) {

	public ResourceChanged {
		Objects.requireNonNull(type, "type");
	}

	public static ResourceChanged call(long callId) {
		return new ResourceChanged(Type.CALL, callId);
	}

	public static ResourceChanged message(long messageId) {
		return new ResourceChanged(Type.MESSAGE, messageId);
	}

	public static ResourceChanged voicemail(long callId) {
		return new ResourceChanged(Type.VOICEMAIL, callId);
	}

	/**
	 * The resource types, stored in {@code change_events.type} as their lower-case name.
	 */
	public enum Type {

		CALL("call"), MESSAGE("message"), VOICEMAIL("voicemail");

		private final String wireName;

		Type(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return this.wireName;
		}

	}

}
