package com.cti.processor;

import java.util.ArrayList;
import java.util.List;

import com.cti.fixtures.DialpadFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dialpad fixtures of the {@code test-fixtures} module: realistic events, each file a
 * {@code description} and its {@code events} in delivery order.
 */
public final class Fixtures {

	public static final JsonMapper json = JsonMapper.builder().build();

	private Fixtures() {
	}

	/** The events of one fixture file, in the file's order. */
	public static List<JsonNode> events(String name) {
		JsonNode events = json.readTree(DialpadFixtures.text(name)).get("events");
		List<JsonNode> result = new ArrayList<>();
		events.forEach(result::add);
		return result;
	}

	/** The names of every fixture file. */
	public static List<String> names() {
		return DialpadFixtures.NAMES;
	}

}
