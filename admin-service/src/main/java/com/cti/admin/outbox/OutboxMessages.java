package com.cti.admin.outbox;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link Outbox} sends on one topic: the message a key is owed, read from the
 * committed state when it is sent (so a delivery repeated or late sends what is true
 * then, never an older state).
 */
public interface OutboxMessages {

	/** The topic these messages go to. */
	String topic();

	/**
	 * The message the key is owed now.
	 * @param key the record key
	 * @param payload what the debt was recorded with, if anything
	 * @return the message, or empty when nothing is owed any more
	 */
	Optional<Message> current(String key, @Nullable String payload);

	/**
	 * A message to send.
	 *
	 * @param value the record's value; null sends a tombstone
	 */
	record Message(@Nullable Object value) {
	}

}
