package com.cti.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many customer calls and messages for load: copy {@code k} of every call and SMS fixture
 * has its call and message ids shifted by {@code k} (6400000000000101 becomes
 * 6400000000k00101 in effect), links included; copy 0 is the fixtures themselves. Each
 * copy's rows must equal copy 0's rows with the ids shifted.
 */
final class Lifecycles {

	private static final List<String> FIXTURES = List.of("call-answered-two-legs.json", "call-missed.json",
			"call-outbound.json", "call-voicemail.json", "sms.json");

	private Lifecycles() {
	}

	/** The events of copies {@code from} to {@code to} (exclusive), copy by copy. */
	static List<JsonNode> copies(int from, int to) {
		List<JsonNode> template = new ArrayList<>();
		FIXTURES.forEach((name) -> template.addAll(Fixtures.events(name)));
		List<JsonNode> events = new ArrayList<>();
		for (int k = from; k < to; k++) {
			for (JsonNode event : template) {
				events.add(Fixtures.json.readTree(shift(Fixtures.json.writeValueAsString(event), k)));
			}
		}
		return events;
	}

	static int eventsPerCopy() {
		return copies(0, 1).size();
	}

	static String shift(String text, int k) {
		return text.replace("6400000000000", "640000" + "%07d".formatted(k))
			.replace("6500000000000", "650000" + "%07d".formatted(k));
	}

	/**
	 * Asserts that the app holds exactly copies 0 to {@code copies - 1}, each with copy
	 * 0's rows, ids shifted.
	 */
	static void assertCopiesMatchCopyZero(JdbcClient jdbc, UUID app, int copies) {
		TestData data = new TestData(jdbc);
		assertTable("calls", data.comparable("calls", "call_id", app), copies);
		assertTable("messages", data.comparable("messages", "message_id", app), copies);
		assertTable("voicemails", data.comparable("voicemails", "call_id", app), copies);
	}

	private static void assertTable(String table, Map<Object, Map<String, Object>> rows, int copies) {
		Map<Object, Map<String, Object>> reference = new LinkedHashMap<>();
		rows.forEach((id, row) -> {
			if (id.toString().startsWith("6400000000000") || id.toString().startsWith("6500000000000")) {
				reference.put(id, row);
			}
		});
		assertThat(reference).as(table).isNotEmpty();
		for (int k = 1; k < copies; k++) {
			for (Map.Entry<Object, Map<String, Object>> entry : reference.entrySet()) {
				Object id = Long.parseLong(shift(entry.getKey().toString(), k));
				assertThat(rows).as("%s of copy %d", table, k).containsKey(id);
				assertThat(rows.get(id).toString()).as("%s row %s", table, id)
					.isEqualTo(shift(entry.getValue().toString(), k));
			}
		}
		assertThat(rows).as(table).hasSize(reference.size() * copies);
	}

}
