package com.cti.platform.fuzz;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies with their content type: objects with the operation's own fields (each
 * present or not, of any JSON type), random JSON, malformed JSON, and other content
 * types.
 */
final class FuzzBodies {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> MALFORMED = List.of("", "{", "}", "[", "{\"name\":", "{\"name\":\"a\"",
			"{\"a\":1}}", "{'name':'a'}", "{name: a}", "not json", "\u0000", "\uFEFF{}",
			"{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":1e999999999}", "{\"limit\":123456789012345678901234567890}",
			"[".repeat(5000), "{\"a\":".repeat(3000), "\"" + "x".repeat(100_000) + "\"", "null", "true", "42",
			"\"text\"", "[]");

	private FuzzBodies() {
	}

	static Arbitrary<Tuple2<String, String>> bodies(List<String> fields) {
		Arbitrary<String> content = Arbitraries.frequencyOf(Tuple.of(5, objects(fields)),
				Tuple.of(2, Arbitraries.of(MALFORMED)), Tuple.of(1, values(3).map(json::writeValueAsString)));
		Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
				Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
						"application/json; charset=latin1", "multipart/form-data; boundary=x", "*/*", "")));
		return Combinators.combine(type, content).as(Tuple::of);
	}

	private static Arbitrary<String> objects(List<String> fields) {
		List<String> names = fields.isEmpty() ? List.of("name") : fields;
		return Combinators
			.combine(values(2).list().ofSize(names.size()),
					Arbitraries.integers().between(0, (1 << Math.min(names.size(), 20)) - 1))
			.as((values, present) -> {
				ObjectNode object = JsonNodeFactory.instance.objectNode();
				for (int i = 0; i < names.size(); i++) {
					if ((present & (1 << Math.min(i, 19))) != 0) {
						object.set(names.get(i), values.get(i));
					}
				}
				return json.writeValueAsString(object);
			});
	}

	/** Any JSON value, nested up to the given depth. */
	private static Arbitrary<JsonNode> values(int depth) {
		Arbitrary<JsonNode> scalars = Arbitraries.<JsonNode>oneOf(
				FuzzValues.hostile().map((text) -> JsonNodeFactory.instance.stringNode(text)),
				Arbitraries.longs().map((number) -> JsonNodeFactory.instance.numberNode(number)),
				Arbitraries.doubles().map((number) -> JsonNodeFactory.instance.numberNode(number)),
				Arbitraries.of(JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.booleanNode(false),
						JsonNodeFactory.instance.nullNode()),
				Arbitraries.strings().alpha().ofMaxLength(12).map((text) -> JsonNodeFactory.instance.stringNode(text)));
		if (depth == 0) {
			return scalars;
		}
		Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(3).map((items) -> {
			var array = JsonNodeFactory.instance.arrayNode();
			items.forEach((item) -> array.add(item));
			return array;
		});
		Arbitrary<JsonNode> objects = Combinators
			.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), values(depth - 1))
			.as((name, value) -> {
				ObjectNode object = JsonNodeFactory.instance.objectNode();
				object.set(name, value);
				return object;
			});
		return Arbitraries.<JsonNode>frequencyOf(Tuple.of(6, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
	}

}
