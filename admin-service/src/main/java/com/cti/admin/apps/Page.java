package com.cti.admin.apps;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list: the items, and the cursor of the next page (null on the last one).
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor what to pass as {@code cursor} for the next page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

	/** The page of {@code limit} items from rows fetched with {@code limit + 1}. */
	public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, limit);
		return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
	}

}
