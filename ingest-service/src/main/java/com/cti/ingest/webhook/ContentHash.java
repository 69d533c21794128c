package com.cti.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.cti.model.DialpadEventReceived;
import org.jspecify.annotations.Nullable;

/**
 * The envelope's content hash ({@link DialpadEventReceived#contentHash()}): the same for
 * every delivery of one event, so that the processor records it once. The ingest service
 * makes every envelope of {@code cti.dialpad-events}, so the rule lives here, with the
 * classifier that applies it. Field values are given as their JSON text (a number as
 * written, a string without quotes).
 */
final class ContentHash {

	private ContentHash() {
	}

	/** A call event: one leg's state at one time. */
	static String ofCall(@Nullable String callId, @Nullable String state, @Nullable String eventTimestamp) {
		return of("call:" + callId + ":" + state + ":" + eventTimestamp);
	}

	/** An SMS event: one message's status at one time. */
	static String ofSms(@Nullable String messageId, @Nullable String messageStatus, @Nullable String eventTimestamp) {
		return of("sms:" + messageId + ":" + messageStatus + ":" + eventTimestamp);
	}

	/** Any other content: the SHA-256 of its text, in hex. */
	static String of(String identity) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
