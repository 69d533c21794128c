package com.cti.query.calls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * An opaque keyset position: the sort time and call id of the last leg of a page.
 */
record CallCursor(OffsetDateTime sortAt, long callId) {

	String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.sortAt.toInstant());
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("c1:" + micros + ":" + this.callId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws IllegalArgumentException when the text is not a cursor this API made
	 */
	static CallCursor decode(String text) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3 || !"c1".equals(parts[0])) {
				throw new IllegalArgumentException("not a cursor");
			}
			OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS)
				.atOffset(ZoneOffset.UTC);
			return new CallCursor(at, Long.parseLong(parts[2]));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("The cursor is not valid; use next_cursor from the previous page", ex);
		}
	}

}
