package com.cti.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call filter, alone and combined, against the same varied data set: the API must
 * return exactly the legs that an in-memory filter of the rows selects, newest first,
 * across pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallFiltersIntegrationTests extends ApiIntegrationTest {

	private static final String[] STATES = { "hangup", "missed", "voicemail", "connected", "ringing", "recording" };

	private static final String[] NUMBERS = { "+14155559876", "+14155559000", "+442079460000", "+14155550101" };

	private static final long[] TARGETS = { 5500000000000777L, 5500000000000778L, 5500000000000001L };

	private final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.DAYS);

	private final List<CallRow> rows = new ArrayList<>();

	private String key;

	@BeforeAll
	void dataSet() {
		UUID app = data().newApp();
		this.key = data().issueKey(app);
		data().mapUser(app, 5500000000000777L, "agent-1");
		data().mapUser(app, 5500000000000778L, "agent-2");
		// one client user may stand for several Dialpad users
		data().mapUser(app, 5500000000000999L, "agent-2");
		// noise: another app with the same numbers and targets
		UUID other = data().newApp();
		data().mapUser(other, 5500000000000777L, "agent-1");
		Random random = new Random(42);
		for (int i = 0; i < 90; i++) {
			Instant start = this.base.plusSeconds(random.nextInt(36) * 3600L + random.nextInt(3));
			CallRow call = new CallRow(app, 6400000000100000L + i, start)
				.direction(random.nextBoolean() ? "inbound" : "outbound")
				.state(STATES[random.nextInt(STATES.length)])
				.numbers(NUMBERS[random.nextInt(3)], random.nextInt(4) == 0 ? NUMBERS[1] : NUMBERS[3]);
			long target = TARGETS[random.nextInt(TARGETS.length)];
			call.target(target, (target == TARGETS[2]) ? "department" : "user");
			call.user((target == TARGETS[2]) ? null : target, null);
			if (random.nextInt(3) == 0) {
				call.missed();
			}
			if (random.nextInt(4) == 0) {
				call.voicemail();
			}
			if (random.nextInt(3) == 0) {
				call.recorded();
			}
			if (random.nextInt(10) == 0) {
				call.live("ringing");
			}
			data().insertCall(call);
			this.rows.add(call);
			data().insertCall(new CallRow(other, call.callId, start).numbers(call.externalNumber, call.internalNumber)
				.target(call.targetId, call.targetType)
				.user(call.dialpadUserId, null));
		}
	}

	@Test
	void filtersByEachParameter() {
		Instant from = this.base.plus(10, ChronoUnit.HOURS);
		Instant to = this.base.plus(20, ChronoUnit.HOURS);
		check(Map.of("from", from.toString()), (c) -> !c.startedAt.isBefore(from));
		check(Map.of("from", Long.toString(from.toEpochMilli())), (c) -> !c.startedAt.isBefore(from));
		check(Map.of("to", to.toString()), (c) -> c.startedAt.isBefore(to));
		check(Map.of("direction", "outbound"), (c) -> c.direction.equals("outbound"));
		check(Map.of("state", "voicemail"), (c) -> c.state.equals("voicemail"));
		check(Map.of("state", "hangup,missed"), (c) -> c.state.equals("hangup") || c.state.equals("missed"));
		check(Map.of("number", "+14155559000"),
				(c) -> c.externalNumber.equals("+14155559000") || c.internalNumber.equals("+14155559000"));
		check(Map.of("number", "+1 (415) 555-9000"),
				(c) -> c.externalNumber.equals("+14155559000") || c.internalNumber.equals("+14155559000"));
		check(Map.of("number", "00442079460000"), (c) -> c.externalNumber.equals("+442079460000"));
		check(Map.of("number", "+14155550102"), (c) -> false);
		check(Map.of("target_id", Long.toString(TARGETS[2])), (c) -> c.targetId == TARGETS[2]);
		check(Map.of("user_id", "agent-2"), (c) -> Long.valueOf(TARGETS[1]).equals(c.dialpadUserId));
		check(Map.of("user_id", "nobody"), (c) -> false);
		check(Map.of("answered", "true"), (c) -> c.answered);
		check(Map.of("answered", "false"), (c) -> !c.answered);
		check(Map.of("missed", "true"), (c) -> c.missed);
		check(Map.of("has_voicemail", "true"), (c) -> c.hasVoicemail);
		check(Map.of("has_voicemail", "false"), (c) -> !c.hasVoicemail);
		check(Map.of("has_recording", "true"), (c) -> c.recorded);
		check(Map.of("has_recording", "false"), (c) -> !c.recorded);
	}

	@Test
	void combinesFiltersWithAnd() {
		Random random = new Random(7);
		for (int round = 0; round < 30; round++) {
			Map<String, String> params = new LinkedHashMap<>();
			List<Predicate<CallRow>> predicates = new ArrayList<>();
			int filters = 2 + random.nextInt(3);
			while (params.size() < filters) {
				addRandomFilter(random, params, predicates);
			}
			check(params, predicates.stream().reduce((c) -> true, Predicate::and), 1 + random.nextInt(9));
		}
	}

	@Test
	void filtersLiveCalls() {
		checkPath("/api/calls/active", Map.of(), (c) -> c.active, 4);
		checkPath("/api/calls/active", Map.of("direction", "inbound"), (c) -> c.active && c.direction.equals("inbound"),
				4);
		checkPath("/api/calls/active", Map.of("number", NUMBERS[0]),
				(c) -> c.active && (c.externalNumber.equals(NUMBERS[0]) || c.internalNumber.equals(NUMBERS[0])), 4);
		checkPath("/api/calls/active", Map.of("user_id", "agent-1"),
				(c) -> c.active && Long.valueOf(TARGETS[0]).equals(c.dialpadUserId), 4);
	}

	private void addRandomFilter(Random random, Map<String, String> params, List<Predicate<CallRow>> predicates) {
		switch (random.nextInt(10)) {
			case 0 -> {
				Instant from = this.base.plus(random.nextInt(18), ChronoUnit.HOURS);
				put(params, predicates, "from", from.toString(), (c) -> !c.startedAt.isBefore(from));
			}
			case 1 -> {
				Instant to = this.base.plus(18 + random.nextInt(19), ChronoUnit.HOURS);
				put(params, predicates, "to", Long.toString(to.toEpochMilli()), (c) -> c.startedAt.isBefore(to));
			}
			case 2 -> {
				String direction = random.nextBoolean() ? "inbound" : "outbound";
				put(params, predicates, "direction", direction, (c) -> c.direction.equals(direction));
			}
			case 3 -> {
				String state = STATES[random.nextInt(STATES.length)];
				put(params, predicates, "state", state, (c) -> c.state.equals(state));
			}
			case 4 -> {
				String number = NUMBERS[random.nextInt(NUMBERS.length)];
				put(params, predicates, "number", number,
						(c) -> c.externalNumber.equals(number) || c.internalNumber.equals(number));
			}
			case 5 -> {
				long target = TARGETS[random.nextInt(TARGETS.length)];
				put(params, predicates, "target_id", Long.toString(target), (c) -> c.targetId == target);
			}
			case 6 -> {
				boolean second = random.nextBoolean();
				put(params, predicates, "user_id", second ? "agent-2" : "agent-1",
						(c) -> Long.valueOf(second ? TARGETS[1] : TARGETS[0]).equals(c.dialpadUserId));
			}
			case 7 -> {
				boolean value = random.nextBoolean();
				String name = random.nextBoolean() ? "answered" : "missed";
				put(params, predicates, name, Boolean.toString(value),
						(c) -> (name.equals("answered") ? c.answered : c.missed) == value);
			}
			case 8 -> {
				boolean value = random.nextBoolean();
				put(params, predicates, "has_voicemail", Boolean.toString(value), (c) -> c.hasVoicemail == value);
			}
			default -> {
				boolean value = random.nextBoolean();
				put(params, predicates, "has_recording", Boolean.toString(value), (c) -> c.recorded == value);
			}
		}
	}

	private static void put(Map<String, String> params, List<Predicate<CallRow>> predicates, String name, String value,
			Predicate<CallRow> predicate) {
		if (params.putIfAbsent(name, value) == null) {
			predicates.add(predicate);
		}
	}

	private void check(Map<String, String> params, Predicate<CallRow> expected) {
		check(params, expected, 7);
	}

	private void check(Map<String, String> params, Predicate<CallRow> expected, int limit) {
		checkPath("/api/calls", params, expected, limit);
	}

	private void checkPath(String path, Map<String, String> params, Predicate<CallRow> expected, int limit) {
		List<Long> want = this.rows.stream()
			.filter(expected)
			.sorted(Comparator.comparing((CallRow c) -> c.startedAt).thenComparing((c) -> c.callId).reversed())
			.map((c) -> c.callId)
			.toList();
		assertThat(pageThrough(path, params, limit)).as(path + " " + params).containsExactlyElementsOf(want);
	}

	private List<Long> pageThrough(String path, Map<String, String> params, int limit) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			StringBuilder query = new StringBuilder(path).append("?limit=").append(limit);
			params.forEach((name, value) -> query.append('&')
				.append(name)
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			if (cursor != null) {
				query.append("&cursor=").append(cursor);
			}
			ApiClient.Response response = api().get(query.toString(), this.key);
			assertThat(response.status()).as(query.toString()).isEqualTo(200);
			JsonNode page = response.json();
			ids.addAll(ids(page, "call_id"));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);
		return ids;
	}

}
