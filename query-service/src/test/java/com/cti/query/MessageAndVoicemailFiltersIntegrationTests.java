package com.cti.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * The message and voicemail filters, alone and combined, against in-memory filters of the
 * rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageAndVoicemailFiltersIntegrationTests extends ApiIntegrationTest {

	private static final String[] NUMBERS = { "+14155559876", "+14155559000", "+14155550101" };

	private static final String[] STATUSES = { "pending", "sent", "delivered", "failed" };

	private final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.DAYS);

	private final List<Message> messages = new ArrayList<>();

	private final List<Voicemail> voicemails = new ArrayList<>();

	private String key;

	@BeforeAll
	void dataSet() {
		UUID app = data().newApp();
		this.key = data().issueKey(app);
		data().mapUser(app, 5500000000000777L, "agent-1");
		UUID other = data().newApp();
		Random random = new Random(11);
		for (int i = 0; i < 40; i++) {
			Instant at = this.base.plusSeconds(random.nextInt(20) * 3600L);
			String direction = random.nextBoolean() ? "inbound" : "outbound";
			String from = NUMBERS[random.nextInt(NUMBERS.length)];
			String[] to = random.nextBoolean() ? new String[] { NUMBERS[random.nextInt(3)] }
					: new String[] { NUMBERS[0], NUMBERS[1] };
			String status = STATUSES[random.nextInt(STATUSES.length)];
			Message message = new Message(7300000000100000L + i, at, direction, from, to, status);
			data().insertMessage(app, message.id, at, direction, from, to, status);
			data().insertMessage(other, message.id, at, direction, from, to, status);
			this.messages.add(message);

			long target = random.nextBoolean() ? 5500000000000777L : 5500000000000001L;
			Voicemail voicemail = new Voicemail(6400000000200000L + i, at, NUMBERS[random.nextInt(2)], target,
					random.nextBoolean());
			data().insertVoicemail(app, voicemail.callId, at, voicemail.caller, target,
					(target == 5500000000000777L) ? target : null, voicemail.transcribed ? "Call me back." : null);
			data().insertVoicemail(other, voicemail.callId, at, voicemail.caller, target, target, "other app");
			this.voicemails.add(voicemail);
		}
	}

	@Test
	void filtersMessages() {
		Instant from = this.base.plus(5, ChronoUnit.HOURS);
		Instant to = this.base.plus(15, ChronoUnit.HOURS);
		checkMessages(Map.of(), (m) -> true);
		checkMessages(Map.of("from", from.toString(), "to", to.toString()),
				(m) -> !m.at.isBefore(from) && m.at.isBefore(to));
		checkMessages(Map.of("direction", "inbound"), (m) -> m.direction.equals("inbound"));
		checkMessages(Map.of("status", "delivered"), (m) -> m.status.equals("delivered"));
		checkMessages(Map.of("status", "failed,pending"),
				(m) -> m.status.equals("failed") || m.status.equals("pending"));
		for (String number : NUMBERS) {
			checkMessages(Map.of("number", number), (m) -> m.involves(number));
		}
		checkMessages(Map.of("number", "(415) 555 9000".replace("(", "+1 (")), (m) -> m.involves(NUMBERS[1]));
		checkMessages(Map.of("number", NUMBERS[0], "direction", "outbound", "status", "sent,delivered"),
				(m) -> m.involves(NUMBERS[0]) && m.direction.equals("outbound")
						&& (m.status.equals("sent") || m.status.equals("delivered")));
		checkMessages(Map.of("number", NUMBERS[1], "from", from.toString()),
				(m) -> m.involves(NUMBERS[1]) && !m.at.isBefore(from));
	}

	@Test
	void filtersVoicemails() {
		Instant from = this.base.plus(8, ChronoUnit.HOURS);
		checkVoicemails(Map.of(), (v) -> true);
		checkVoicemails(Map.of("from", from.toString()), (v) -> !v.at.isBefore(from));
		checkVoicemails(Map.of("to", Long.toString(from.toEpochMilli())), (v) -> v.at.isBefore(from));
		checkVoicemails(Map.of("number", NUMBERS[1]), (v) -> v.caller.equals(NUMBERS[1]));
		checkVoicemails(Map.of("target_id", "5500000000000001"), (v) -> v.target == 5500000000000001L);
		checkVoicemails(Map.of("user_id", "agent-1"), (v) -> v.target == 5500000000000777L);
		checkVoicemails(Map.of("has_transcription", "true"), (v) -> v.transcribed);
		checkVoicemails(Map.of("has_transcription", "false"), (v) -> !v.transcribed);
		checkVoicemails(Map.of("has_transcription", "true", "user_id", "agent-1", "number", NUMBERS[0]),
				(v) -> v.transcribed && v.target == 5500000000000777L && v.caller.equals(NUMBERS[0]));
	}

	private void checkMessages(Map<String, String> params, Predicate<Message> expected) {
		List<Long> want = this.messages.stream()
			.filter(expected)
			.sorted(Comparator.comparing((Message m) -> m.at).thenComparing((m) -> m.id).reversed())
			.map((m) -> m.id)
			.toList();
		assertThat(pageThrough("/api/messages", params, "message_id")).as(params.toString())
			.containsExactlyElementsOf(want);
	}

	private void checkVoicemails(Map<String, String> params, Predicate<Voicemail> expected) {
		List<Long> want = this.voicemails.stream()
			.filter(expected)
			.sorted(Comparator.comparing((Voicemail v) -> v.at).thenComparing((v) -> v.callId).reversed())
			.map((v) -> v.callId)
			.toList();
		assertThat(pageThrough("/api/voicemails", params, "call_id")).as(params.toString())
			.containsExactlyElementsOf(want);
	}

	private List<Long> pageThrough(String path, Map<String, String> params, String idField) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			StringBuilder query = new StringBuilder(path).append("?limit=6");
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
			ids.addAll(ids(page, idField));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);
		return ids;
	}

	private record Message(long id, Instant at, String direction, String from, String[] to, String status) {

		boolean involves(String number) {
			return this.from.equals(number) || Arrays.asList(this.to).contains(number);
		}

	}

	private record Voicemail(long callId, Instant at, String caller, long target, boolean transcribed) {
	}

}
