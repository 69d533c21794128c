package com.cti.admin.apps;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A keyset cursor over rows ordered by a time and a UUID (newest first), opaque to
 * clients.
 *
 * @param at the time of the last row of the previous page
 * @param id the id of that row
 */
public record InstantIdCursor(Instant at, UUID id) {

	public String encode() {
		byte[] text = (this.at + "|" + this.id).getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
	}

	/** The cursor, null when none was given; a 400 problem when it is not valid. */
	public static @Nullable InstantIdCursor decode(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
			int bar = text.indexOf('|');
			return new InstantIdCursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw AdminProblems.badRequest("invalid-cursor", "Invalid cursor",
					"The cursor is not valid; pass next_cursor from the previous page");
		}
	}

}
