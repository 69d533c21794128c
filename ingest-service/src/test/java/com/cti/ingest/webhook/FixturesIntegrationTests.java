package com.cti.ingest.webhook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cti.fixtures.DialpadFixtures;
import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.IngestIntegrationTest;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventKind;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of every fixture of the {@code test-fixtures} module is accepted,
 * classified as its file says, keyed by its call or message id, and published with its
 * payload unchanged. The expected kind comes from the file: {@code call-*} files hold
 * call events, {@code sms*} files SMS events, and any other file names its events' kinds
 * in its description, in order.
 */
@IngestIntegrationTest
class FixturesIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern KIND_IN_DESCRIPTION = Pattern
		.compile("\\b(call|sms|contact|agent-status|change-log|changelog) event", Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void acceptsAndClassifiesEveryFixtureEvent() {
		List<String> files = DialpadFixtures.NAMES;
		assertThat(files).isNotEmpty();
		var client = new WebhookClient(this.port);
		String app = "fixtures-" + UUID.randomUUID();
		Map<String, Expected> expectedByEventId = new LinkedHashMap<>();
		for (String file : files) {
			JsonNode fixture = json.readTree(DialpadFixtures.text(file));
			List<JsonNode> events = new ArrayList<>();
			fixture.get("events").forEach(events::add);
			List<EventKind> kinds = expectedKinds(file, fixture.get("description").asString(), events.size());
			for (int i = 0; i < events.size(); i++) {
				String payload = json.writeValueAsString(events.get(i));
				HttpResponse<String> response = client.post("/webhooks/dialpad/" + app, "application/jwt",
						HandMadeJwt.hs256(IngestIntegrationTest.WEBHOOK_SECRET, payload));
				String where = file + " event " + i;
				assertThat(response.statusCode()).as(where).isEqualTo(200);
				JsonNode body = json.readTree(response.body());
				assertThat(body.get("kind").asString()).as(where).isEqualTo(kinds.get(i).wireName());
				expectedByEventId.put(body.get("event_id").asString(),
						new Expected(where, kinds.get(i), key(kinds.get(i), events.get(i)), payload));
			}
		}

		Map<String, ConsumerRecord<String, String>> published = new LinkedHashMap<>();
		for (ConsumerRecord<String, String> record : TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS)) {
			DialpadEventReceived envelope = TopicRecords.envelope(record.value());
			if (app.equals(envelope.appId())) {
				assertThat(published.put(envelope.eventId().toString(), record)).as("published twice").isNull();
			}
		}
		assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expectedByEventId.keySet());
		expectedByEventId.forEach((eventId, expected) -> {
			ConsumerRecord<String, String> record = published.get(eventId);
			DialpadEventReceived envelope = TopicRecords.envelope(record.value());
			assertThat(envelope.kind()).as(expected.where()).isEqualTo(expected.kind());
			assertThat(record.key()).as(expected.where()).isEqualTo(expected.key());
			assertThat(envelope.payload()).as(expected.where()).isEqualTo(expected.payload());
		});
	}

	/** What the fixture file says its events are. */
	static List<EventKind> expectedKinds(String file, String description, int count) {
		String name = file.toLowerCase(Locale.ROOT);
		if (name.startsWith("call")) {
			return Collections.nCopies(count, EventKind.CALL);
		}
		if (name.startsWith("sms")) {
			return Collections.nCopies(count, EventKind.SMS);
		}
		List<EventKind> kinds = new ArrayList<>();
		Matcher matcher = KIND_IN_DESCRIPTION.matcher(description);
		while (matcher.find()) {
			kinds.add(switch (matcher.group(1).toLowerCase(Locale.ROOT)) {
				case "call" -> EventKind.CALL;
				case "sms" -> EventKind.SMS;
				case "contact" -> EventKind.CONTACT;
				case "agent-status" -> EventKind.AGENT_STATUS;
				default -> EventKind.CHANGELOG;
			});
		}
		assertThat(kinds).as("the kinds that %s's description names, one per event", file).hasSize(count);
		return kinds;
	}

	private static @Nullable String key(EventKind kind, JsonNode event) {
		return switch (kind) {
			case CALL -> event.get("call_id").asString();
			case SMS -> event.get("id").asString();
			default -> null;
		};
	}

	record Expected(String where, EventKind kind, @Nullable String key, String payload) {
	}

}
