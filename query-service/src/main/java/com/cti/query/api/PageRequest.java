package com.cti.query.api;

import org.jspecify.annotations.Nullable;

/**
 * The checked {@code limit} and {@code cursor} of a list request.
 *
 * @param limit how many rows the page holds at most
 * @param after the position to continue after, or null for the first page
 */
public record PageRequest(int limit, @Nullable Cursor after) {

	public static final int MAX_LIMIT = 500;

	public static final String DEFAULT_LIMIT = "50";

	/**
	 * @throws BadParameterException when the limit is out of range or the cursor is not
	 * one of this kind of list
	 */
	public static PageRequest of(String kind, int limit, @Nullable String cursor) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadParameterException("limit",
					"Parameter 'limit' must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
		}
		Cursor after = (cursor != null && !cursor.isEmpty()) ? Cursor.decode(kind, cursor) : null;
		return new PageRequest(limit, after);
	}

}
