package com.cti.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation property: app A's key never reaches a row of app B, whatever id, filter
 * or cursor it tries. Both apps hold rows with the same ids, numbers, targets and user
 * ids; every row is marked with its app in its contact name, and every object in every
 * answer to A must carry A's mark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests extends ApiIntegrationTest {

	private static final long SEED = System.nanoTime();

	private static final String[] NUMBERS = { "+14155559876", "+14155550101", "+14155559000" };

	private final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(3, ChronoUnit.HOURS);

	private final List<Long> ids = new ArrayList<>();

	private UUID appA;

	private UUID appB;

	private String keyA;

	private String keyB;

	@BeforeAll
	void twoAppsWithLookAlikeData() {
		this.appA = data().newApp();
		this.appB = data().newApp();
		this.keyA = data().issueKey(this.appA);
		this.keyB = data().issueKey(this.appB);
		Random random = new Random(SEED);
		for (int i = 0; i < 30; i++) {
			long id = 6400000000300000L + i;
			this.ids.add(id);
			// ids 0-9 only in A, 10-19 in both, 20-29 only in B
			if (i < 20) {
				insertAll(this.appA, "app-A", id, i, random);
			}
			if (i >= 10) {
				insertAll(this.appB, "app-B", id, i, random);
			}
		}
		for (UUID app : List.of(this.appA, this.appB)) {
			data().mapUser(app, 5500000000000777L, "agent-1");
		}
	}

	private void insertAll(UUID app, String mark, long id, int i, Random random) {
		Instant at = this.base.plusSeconds(i * 60L + random.nextInt(30));
		CallRow call = new CallRow(app, id, at).contactName(mark)
			.numbers(NUMBERS[i % 3], NUMBERS[(i + 1) % 3])
			.user(5500000000000777L, null)
			.links((i % 2 == 0) ? id : id - 1, null, (i % 2 == 0) ? null : id - 1, null);
		if (random.nextInt(4) == 0) {
			call.live("connected");
		}
		data().insertCall(call);
		data().insertMessage(app, 7300000000300000L + i, at, "inbound", NUMBERS[i % 3], new String[] { NUMBERS[1] },
				"delivered", mark);
		data().insertVoicemail(app, id, at, NUMBERS[i % 3], 5500000000000777L, 5500000000000777L, "vm", mark);
	}

	@Test
	void neverReachesAnotherAppsRowsWhateverTheRequest() {
		Random random = new Random(SEED + 1);
		List<String> cursorsOfB = cursorsOf(this.keyB);
		for (int round = 0; round < 150; round++) {
			String path = randomRequest(random, cursorsOfB);
			ApiClient.Response response = api().get(path, this.keyA);
			assertThat(response.status()).as("seed %d: %s", SEED, path).isIn(200, 400, 404);
			if (response.status() == 200) {
				assertOnlyMarked(response.json(), "app-A", "seed " + SEED + ": " + path);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/calls/%d", "/api/voicemails/%d", "/api/conversations/%d" })
	void answers404ForIdsOnlyAnotherAppHas(String template) {
		for (long id : this.ids.subList(20, 30)) {
			ApiClient.Response response = api().get(template.formatted(id), this.keyA);
			assertThat(response.status()).as(template.formatted(id)).isEqualTo(404);
			assertThat(response.body()).doesNotContain("app-B");
		}
		for (long id : this.ids.subList(10, 20)) {
			ApiClient.Response shared = api().get(template.formatted(id), this.keyA);
			assertThat(shared.status()).isEqualTo(200);
			assertOnlyMarked(shared.json(), "app-A", template.formatted(id));
		}
	}

	@Test
	void streamsOnlyTheAppsOwnChanges() {
		try (SseClient stream = new SseClient(api().uri("/api/stream"), this.keyA, null).awaitConnected()) {
			for (long id : this.ids.subList(10, 30)) {
				data().recordChange(this.appB, "call", id);
				data().recordChange(this.appB, "voicemail", id);
			}
			data().recordChange(this.appB, "message", 7300000000300015L);
			long own = data().recordChange(this.appA, "call", this.ids.get(15));

			SseClient.Event event = stream.nextEvent();

			assertThat(event.idAsLong()).isEqualTo(own);
			assertOnlyMarked(event.data(), "app-A", "stream");
			assertThat(stream.next(java.time.Duration.ofMillis(500))).isNull();
		}
		// resuming from before B's changes does not replay them either
		long before = this.jdbc.sql("select min(id) - 1 from change_events where app_id = :app")
			.param("app", this.appB)
			.query(Long.class)
			.single();
		try (SseClient resumed = new SseClient(api().uri("/api/stream"), this.keyA, Long.toString(before))
			.awaitConnected()) {
			SseClient.Event event = resumed.nextEvent();
			assertThat(event.name()).isEqualTo("call");
			assertOnlyMarked(event.data(), "app-A", "resumed stream");
		}
	}

	private String randomRequest(Random random, List<String> cursorsOfB) {
		long id = (random.nextInt(5) == 0) ? random.nextLong(1, Long.MAX_VALUE)
				: this.ids.get(random.nextInt(this.ids.size()));
		String number = NUMBERS[random.nextInt(NUMBERS.length)].replace("+", "%2B");
		return switch (random.nextInt(12)) {
			case 0 -> "/api/calls/" + id;
			case 1 -> "/api/conversations/" + id;
			case 2 -> "/api/voicemails/" + id;
			case 3 -> "/api/messages/" + (7300000000300000L + random.nextInt(30));
			case 4 -> "/api/calls?number=" + number + "&limit=" + (1 + random.nextInt(5));
			case 5 -> "/api/calls?user_id=agent-1&target_id=5500000000000777";
			case 6 -> "/api/calls/active?number=" + number;
			case 7 -> "/api/messages?number=" + number;
			case 8 -> "/api/voicemails?user_id=agent-1&number=" + number;
			case 9 -> "/api/conversations?limit=" + (1 + random.nextInt(5));
			default -> cursorsOfB.get(random.nextInt(cursorsOfB.size()));
		};
	}

	/** Second pages of B's lists: A replays B's cursors. */
	private List<String> cursorsOf(String key) {
		List<String> pages = new ArrayList<>();
		for (String list : List.of("/api/calls", "/api/calls/active", "/api/conversations", "/api/messages",
				"/api/voicemails")) {
			JsonNode page = api().get(list + "?limit=2", key).json();
			assertOnlyMarked(page, "app-B", list);
			if (!page.get("next_cursor").isNull()) {
				pages.add(list + "?limit=5&cursor=" + page.get("next_cursor").asString());
			}
		}
		assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
		return pages;
	}

	/** Every contact in the answer, however deep, carries the mark. */
	private static void assertOnlyMarked(JsonNode json, String mark, String what) {
		List<JsonNode> contacts = json.findValues("contact");
		if (json.has("items") && json.get("items").isEmpty()) {
			return;
		}
		assertThat(contacts).as(what).isNotEmpty();
		for (JsonNode contact : contacts) {
			assertThat(contact.get("name").asString()).as(what).isEqualTo(mark);
		}
		assertThat(json.toString()).as(what).doesNotContain(mark.equals("app-A") ? "app-B" : "app-A");
	}

}
