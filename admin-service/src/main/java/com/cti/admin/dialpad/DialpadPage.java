package com.cti.admin.dialpad;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a Dialpad list: the items and the cursor of the next page (absent on the
 * last one).
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param cursor the opaque cursor of the next page, or null
 */
record DialpadPage<T>(@Nullable List<T> items, @Nullable String cursor) {

	List<T> itemsOrEmpty() {
		return (this.items != null) ? this.items : List.of();
	}

}
