package com.cti.query.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * An opaque keyset position: the sort time (to the microsecond, as PostgreSQL keeps it)
 * and the id of the last row of a page, tagged with the kind of list it belongs to.
 *
 * @param kind the list it pages through ({@code c} calls, {@code m} messages, ...)
 * @param sortAt the last row's sort time
 * @param id the last row's id (ties on the sort time are broken by id)
 */
public record Cursor(String kind, OffsetDateTime sortAt, long id) {

	public static final String PARAMETER = "cursor";

	public String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.sortAt.toInstant());
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.kind + "1:" + micros + ":" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws BadParameterException when the text is not a cursor of this kind of list
	 */
	public static Cursor decode(String kind, String text) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3 || !(kind + "1").equals(parts[0])) {
				throw new IllegalArgumentException("not a cursor of this list");
			}
			OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS)
				.atOffset(ZoneOffset.UTC);
			return new Cursor(kind, at, Long.parseLong(parts[2]));
		}
		catch (RuntimeException ex) {
			throw new BadParameterException(PARAMETER,
					"The cursor is not valid for this list; pass next_cursor of the previous page unchanged");
		}
	}

}
