package com.cti.bench.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles a fixture lifecycle into templates: every id of a call leg, message,
 * recording, voicemail or contact event becomes a fresh-id slot (wherever its digits
 * appear, URLs included), every epoch-millisecond time becomes an offset from the
 * lifecycle's first time.
 */
final class TemplateCompiler {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final long EARLIEST_MILLIS = 1_500_000_000_000L;

	private static final long LATEST_MILLIS = 2_100_000_000_000L;

	private static final List<String> CALL_ID_FIELDS = List.of("call_id", "master_call_id", "entry_point_call_id",
			"operator_call_id", "voicemail_recording_id");

	private TemplateCompiler() {
	}

	static Lifecycle compile(String name, List<JsonNode> events, double weight, JsonMapper json) {
		Map<String, Integer> ids = new LinkedHashMap<>();
		events.forEach((event) -> collectIds(event, ids));
		List<String> texts = events.stream().map(json::writeValueAsString).toList();
		long base = Long.MAX_VALUE;
		for (String text : texts) {
			Matcher digits = DIGITS.matcher(text);
			while (digits.find()) {
				if (isTimestamp(digits.group(), ids)) {
					base = Math.min(base, Long.parseLong(digits.group()));
				}
			}
		}
		Set<Long> legsSeen = new HashSet<>();
		List<EventTemplate> templates = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			JsonNode event = events.get(i);
			String kind = kindOf(event);
			String resourceField = switch (kind) {
				case "call" -> "call_id";
				case "sms" -> "id";
				default -> null;
			};
			int resourceSlot = (resourceField != null) ? ids.get(event.get(resourceField).asString()) : -1;
			boolean firstOfLeg = "call".equals(kind) && legsSeen.add(event.get("call_id").longValue());
			String state = text(event, "sms".equals(kind) ? "message_status" : "state");
			templates.add(new EventTemplate(segments(texts.get(i), ids, base), kind, resourceSlot, firstOfLeg, state));
		}
		return new Lifecycle(name, templates, ids.size(), weight);
	}

	private static void collectIds(JsonNode event, Map<String, Integer> ids) {
		for (String field : CALL_ID_FIELDS) {
			addId(event.get(field), ids);
		}
		JsonNode recordingIds = event.get("call_recording_ids");
		if (recordingIds != null) {
			recordingIds.forEach((id) -> addId(id, ids));
		}
		JsonNode recordings = event.get("recording_details");
		if (recordings != null) {
			recordings.forEach((recording) -> addId(recording.get("id"), ids));
		}
		String kind = kindOf(event);
		if ("sms".equals(kind)) {
			addId(event.get("id"), ids);
		}
		if ("contact".equals(kind)) {
			addId(event.get("contact").get("id"), ids);
		}
	}

	private static void addId(@Nullable JsonNode node, Map<String, Integer> ids) {
		if (node != null && !node.isNull() && node.isIntegralNumber()) {
			ids.putIfAbsent(node.asString(), ids.size());
		}
	}

	private static List<Segment> segments(String text, Map<String, Integer> ids, long base) {
		List<Segment> segments = new ArrayList<>();
		Matcher digits = DIGITS.matcher(text);
		int literalStart = 0;
		while (digits.find()) {
			Segment segment = null;
			Integer id = ids.get(digits.group());
			if (id != null) {
				segment = new Segment.Id(id);
			}
			else if (isTimestamp(digits.group(), ids)) {
				segment = new Segment.Timestamp(Long.parseLong(digits.group()) - base);
			}
			if (segment != null) {
				if (digits.start() > literalStart) {
					segments.add(new Segment.Literal(text.substring(literalStart, digits.start())));
				}
				segments.add(segment);
				literalStart = digits.end();
			}
		}
		if (literalStart < text.length()) {
			segments.add(new Segment.Literal(text.substring(literalStart)));
		}
		return segments;
	}

	private static boolean isTimestamp(String digits, Map<String, Integer> ids) {
		if (digits.length() != 13 || ids.containsKey(digits)) {
			return false;
		}
		long value = Long.parseLong(digits);
		return value >= EARLIEST_MILLIS && value <= LATEST_MILLIS;
	}

	/** The ingest service's classification by shape (see dialpad-api.md). */
	static String kindOf(JsonNode node) {
		if (node.has("call_id") && node.has("state")) {
			return "call";
		}
		if (node.has("id") && node.has("from_number") && node.has("to_number")) {
			return "sms";
		}
		if (node.has("event") && node.has("contact")) {
			return "contact";
		}
		if (node.has("availability_status") || node.has("on_duty_status")) {
			return "agent_status";
		}
		if (node.has("action") && node.has("changed_by")) {
			return "changelog";
		}
		return "unknown";
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

}
