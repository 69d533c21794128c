package com.cti.query.api;

import org.jspecify.annotations.Nullable;

/**
 * The {@code limit} and decoded {@code cursor} of a list request.
 *
 * @param limit how many rows the page holds at most
 * @param after the position to continue after, or null for the first page
 */
public record PageRequest(int limit, @Nullable Cursor after) {

	public static final int MAX_LIMIT = 500;

	private static final int DEFAULT_LIMIT = 50;

	/** {@link #DEFAULT_LIMIT} as the API description shows it. */
	public static final String DEFAULT_LIMIT_TEXT = "50";

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit out of range: " + limit);
		}
	}

	/**
	 * @param limit a limit checked by {@link PageLimit}, or null for the default
	 * @param cursor the cursor, or null or empty for the first page
	 * @throws BadParameterException when the cursor is not one of this kind of list
	 */
	public static PageRequest of(String kind, @Nullable Integer limit, @Nullable String cursor) {
		return new PageRequest((limit != null) ? limit : DEFAULT_LIMIT,
				(cursor != null && !cursor.isEmpty()) ? Cursor.decode(kind, cursor) : null);
	}

}
