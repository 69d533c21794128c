package com.cti.admin.fakedialpad;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialpad's cursor paging: {@code {"items": [...], "cursor": "..."}}, the cursor opaque
 * and absent on the last page.
 */
final class FakePaging {

	private static final JsonMapper json = JsonMapper.shared();

	private FakePaging() {
	}

	/**
	 * One page of the items, from the request's {@code cursor}; null when the cursor is
	 * not one this fake issued.
	 */
	static <T> @Nullable FakeResponse page(List<T> all, @Nullable String cursor, int pageSize,
			Function<T, JsonNode> render) {
		Integer offset = decode(cursor);
		if (offset == null || offset > all.size()) {
			return null;
		}
		ObjectNode body = json.createObjectNode();
		ArrayNode items = body.putArray("items");
		int end = Math.min(all.size(), offset + pageSize);
		all.subList(offset, end).forEach((item) -> items.add(render.apply(item)));
		if (end < all.size()) {
			body.put("cursor", encode(end));
		}
		return FakeResponse.ok(body);
	}

	// '+', '/' and '=' on purpose: a client that does not encode the cursor loses it
	private static String encode(int offset) {
		return "c+/" + Base64.getEncoder().encodeToString(("fake-cursor:" + offset).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Integer decode(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			if (!cursor.startsWith("c+/")) {
				return null;
			}
			String text = new String(Base64.getDecoder().decode(cursor.substring(3)), StandardCharsets.UTF_8);
			return text.startsWith("fake-cursor:") ? Integer.parseInt(text.substring(12)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
