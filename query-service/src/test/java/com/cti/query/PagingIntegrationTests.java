package com.cti.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging through thousands of rows with the cursor returns each row exactly once, in
 * order, while new calls keep arriving and existing ones keep changing.
 */
class PagingIntegrationTests extends ApiIntegrationTest {

	private static final int CALLS = 3000;

	private static final long FIRST_ID = 6400000001000000L;

	@Test
	void returnsEveryCallExactlyOnceWhileNewCallsArrive() throws Exception {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
		// seven calls per second: many ties on the sort time, broken by call id
		data().insertCalls(app, FIRST_ID, CALLS, start, 7);
		List<Long> expected = LongStream.range(0, CALLS).map((g) -> FIRST_ID + CALLS - 1 - g).boxed().toList();
		Set<Long> arrived = ConcurrentHashMap.newKeySet();

		List<Long> seen;
		try (Traffic traffic = new Traffic(app, arrived)) {
			seen = pageThrough(key, "/api/calls?limit=97", "call_id");
			assertThat(traffic.count()).as("calls that arrived while paging").isPositive();
		}

		assertThat(new HashSet<>(seen)).as("no row twice").hasSize(seen.size());
		List<Long> original = seen.stream().filter((id) -> !arrived.contains(id)).toList();
		assertThat(original).containsExactlyElementsOf(expected);
		assertThat(seen.subList(seen.size() - CALLS, seen.size())).containsExactlyElementsOf(expected);
	}

	@Test
	void pagesAFilteredListToTheEnd() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
		data().insertCalls(app, FIRST_ID, 1200, start, 3);

		List<Long> seen = pageThrough(key, "/api/calls?limit=50&direction=inbound&missed=false", "call_id");

		List<Long> expected = LongStream.range(0, 1200)
			.map((g) -> 1199 - g)
			.filter((g) -> g % 2 == 0 && g % 3 != 0)
			.map((g) -> FIRST_ID + g)
			.boxed()
			.toList();
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void pagesMessagesVoicemailsAndConversationsExactlyOnce() {
		UUID app = data().newApp();
		String key = data().issueKey(app);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
		List<Long> messages = new ArrayList<>();
		List<Long> voicemails = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			Instant at = start.plusSeconds(i / 4);
			data().insertMessage(app, 7300000001000000L + i, at, "inbound", "+14155559876",
					new String[] { "+14155550101" }, "received");
			data().insertVoicemail(app, 6400000002000000L + i, at, "+14155559876", 1L, null, null);
			messages.add(0, 7300000001000000L + i);
			voicemails.add(0, 6400000002000000L + i);
		}
		data().insertCalls(app, FIRST_ID, 150, start, 2);

		assertThat(pageThrough(key, "/api/messages?limit=13", "message_id")).containsExactlyElementsOf(messages);
		assertThat(pageThrough(key, "/api/voicemails?limit=13", "call_id")).containsExactlyElementsOf(voicemails);
		assertThat(pageThrough(key, "/api/conversations?limit=13", "conversation_id"))
			.containsExactlyElementsOf(LongStream.range(0, 150).map((g) -> FIRST_ID + 149 - g).boxed().toList());
	}

	private List<Long> pageThrough(String key, String first, String idField) {
		List<Long> ids = new ArrayList<>();
		String path = first;
		while (path != null) {
			ApiClient.Response response = api().get(path, key);
			assertThat(response.status()).as(path).isEqualTo(200);
			JsonNode page = response.json();
			ids.addAll(ids(page, idField));
			path = page.get("next_cursor").isNull() ? null : first + "&cursor=" + page.get("next_cursor").asString();
		}
		return ids;
	}

	/**
	 * New calls (started now) and updates of existing ones (state changes), written as
	 * the processor would while the test pages.
	 */
	private final class Traffic implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong count = new AtomicLong();

		private final CompletableFuture<Void> writer;

		Traffic(UUID app, Set<Long> arrived) {
			this.writer = CompletableFuture.runAsync(() -> {
				long id = FIRST_ID + 10_000_000;
				while (this.running.get()) {
					id++;
					arrived.add(id);
					data().insertCall(new CallRow(app, id, Instant.now()).live("ringing"));
					jdbc.sql("update calls set state = 'recording', updated_at = now() where app_id = :app"
							+ " and call_id = :id")
						.param("app", app)
						.param("id", FIRST_ID + (id % CALLS))
						.update();
					this.count.incrementAndGet();
				}
			});
		}

		long count() {
			return this.count.get();
		}

		@Override
		public void close() throws Exception {
			this.running.set(false);
			this.writer.get();
		}

	}

}
