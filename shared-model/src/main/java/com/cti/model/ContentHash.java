package com.cti.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The envelope's content hash ({@link DialpadEventReceived#contentHash()}): the same for
 * every delivery of one event, so that the processor records it once. Whoever makes an
 * envelope (the ingest service, the admin service's backfill) computes it here. Field
 * values are given as their JSON text (a number as written, a string without quotes).
 */
public final class ContentHash {

	private ContentHash() {
	}

	/** A call event: one leg's state at one time. */
	public static String ofCall(@Nullable String callId, @Nullable String state, @Nullable String eventTimestamp) {
		return of("call:" + callId + ":" + state + ":" + eventTimestamp);
	}

	/** An SMS event: one message's status at one time. */
	public static String ofSms(@Nullable String messageId, @Nullable String messageStatus,
			@Nullable String eventTimestamp) {
		return of("sms:" + messageId + ":" + messageStatus + ":" + eventTimestamp);
	}

	/** Any other content: the SHA-256 of its text, in hex. */
	public static String of(String identity) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
