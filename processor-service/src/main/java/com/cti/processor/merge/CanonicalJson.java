package com.cti.processor.merge;

import java.util.ArrayList;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One text form per JSON value (compact, object keys sorted), so that a value read from
 * an event and the same value read back from a jsonb column compare equal. It never holds
 * a NUL character, which jsonb refuses.
 */
public final class CanonicalJson {

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private CanonicalJson() {
	}

	public static String of(JsonNode node) {
		String json = mapper.writeValueAsString(node);
		return json.contains("\\u0000") ? mapper.writeValueAsString(withoutNul(node.deepCopy())) : json;
	}

	static String of(String json) {
		try {
			return of(mapper.readTree(json));
		}
		catch (JacksonException ex) {
			return json;
		}
	}

	/**
	 * The JSON text to store in a jsonb column: the text as received when jsonb can hold
	 * it, else without its NUL characters.
	 */
	public static String storable(String json, JsonNode parsed) {
		return json.contains("\\u0000") ? mapper.writeValueAsString(withoutNul(parsed.deepCopy())) : json;
	}

	private static JsonNode withoutNul(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> entry : new ArrayList<>(object.properties())) {
				object.set(entry.getKey(), withoutNul(entry.getValue()));
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, withoutNul(array.get(i)));
			}
			return array;
		}
		if (node.isString() && node.asString().indexOf('\u0000') >= 0) {
			return mapper.getNodeFactory().stringNode(FieldType.withoutNul(node.asString()));
		}
		return node;
	}

}
