package com.cti.query.api;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, newest first, and the cursor of the next page.
 *
 * @param <T> the kind of item
 * @param items the rows of this page
 * @param nextCursor pass it as {@code cursor} to get the next page; null on the last page
 */
public record Page<T>(@Schema(description = "The rows of this page, newest first") List<T> items,
		@Schema(description = "Opaque cursor of the next page: pass it unchanged as the `cursor` parameter, with the "
				+ "same filters. Null on the last page.", example = "YzE6MTc2NDE1ODQwMDAwMDAwMDo2NDAwMDAwMDAwMDAwMTAx",
				nullable = true) @Nullable String nextCursor) {

	/**
	 * Makes the page from up to {@code limit + 1} rows: the extra row only tells that a
	 * next page exists.
	 */
	public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> item, Function<R, Cursor> position) {
		boolean more = rows.size() > limit;
		List<R> shown = more ? rows.subList(0, limit) : rows;
		String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
		return new Page<>(shown.stream().map(item).toList(), next);
	}

}
