package com.cti.bench.freshness;

import java.util.Set;
import java.util.function.LongConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Finds the call ids in an API response or a stream event, wherever they are: any number
 * (or numeric string) under {@code call_id}, {@code resource_id} or {@code id}.
 */
final class CallIds {

	private static final Set<String> FIELDS = Set.of("call_id", "resource_id", "id");

	private CallIds() {
	}

	static void collect(JsonNode node, LongConsumer ids) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				JsonNode value = entry.getValue();
				if (FIELDS.contains(entry.getKey()) && (value.isIntegralNumber() || value.isString())) {
					parse(value.asString(), ids);
				}
				else {
					collect(value, ids);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, ids));
		}
	}

	private static void parse(String text, LongConsumer ids) {
		try {
			ids.accept(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			// not a numeric id
		}
	}

}
