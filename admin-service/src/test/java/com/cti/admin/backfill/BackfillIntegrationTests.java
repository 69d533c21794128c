package com.cti.admin.backfill;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.TestIngest;
import com.cti.model.DialpadEventReceived;
import com.cti.model.EventHeaders;
import com.cti.model.EventKind;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/apps/{app_id}/backfill}: concluded calls read from the fake
 * Dialpad, the ones missing from {@code calls} handed to a real ingest service, which
 * publishes them as call events.
 */
class BackfillIntegrationTests extends ProvisioningIntegrationTest {

	private static final JsonMapper json = JsonMapper.shared();

	// midnight UTC ten days ago: a period that starts there and ends now (to's default)
	// is
	// always inside the 31 days a backfill covers, whatever the date
	private static final long DAY = Instant.now()
		.truncatedTo(ChronoUnit.DAYS)
		.minus(Duration.ofDays(10))
		.toEpochMilli();

	private static final AtomicLong ids = new AtomicLong(6_400_000_000_000_000L + System.nanoTime() % 1_000_000_000L);

	@BeforeEach
	void startIngest() {
		TestIngest.ensureRunning(this.brokers);
	}

	@Test
	void publishesTheCallsMissingFromTheCallsTableAsIngestWould() {
		UUID appId = newApp();
		long known = addCall(DAY + 1_000, "hangup", true);
		long missing = addCall(DAY + 2_000, "hangup", true);
		long stringId = addCall(DAY + 3_000, "missed", false);
		long stateless = addCall(DAY + 4_000, null, true);
		long knownElsewhere = addCall(DAY + 5_000, "hangup", true);
		long tooEarly = addCall(DAY - 5_000, "hangup", true);
		storeCall(appId, known);
		storeCall(newApp(), knownElsewhere);

		Response response = api().post("/internal/apps/" + appId + "/backfill?from=" + Instant.ofEpochMilli(DAY)
				+ "&to=" + (DAY + 86_400_000L), null);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().path("seen").asInt()).isEqualTo(5);
		assertThat(response.json().path("present").asInt()).isEqualTo(1);
		assertThat(response.json().path("missing").asInt()).isEqualTo(4);
		assertThat(response.json().path("published").asInt()).isEqualTo(4);
		assertThat(response.json().path("pages").asInt()).isEqualTo(3);
		List<ConsumerRecord<String, String>> records = eventsOf(appId);
		assertThat(records).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder(Long.toString(missing), Long.toString(stringId), Long.toString(stateless),
					Long.toString(knownElsewhere))
			.doesNotContain(Long.toString(known), Long.toString(tooEarly));
		for (ConsumerRecord<String, String> record : records) {
			DialpadEventReceived event = json.readValue(record.value(), DialpadEventReceived.class);
			ObjectNode sent = call(Long.parseLong(record.key()));
			assertThat(event.kind()).isEqualTo(EventKind.CALL);
			assertThat(event.appId()).isEqualTo(appId.toString());
			assertThat(json.readTree(event.payload())).isEqualTo(sent);
			String state = sent.has("state") ? sent.get("state").asString() : "hangup";
			assertThat(event.contentHash())
				.isEqualTo(sha256("call:" + record.key() + ":" + state + ":" + sent.get("event_timestamp").asString()));
			assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_KIND).value(), StandardCharsets.UTF_8))
				.isEqualTo("call");
		}
		List<String> filters = this.dialpad.requests("GET", "/api/v2/call")
			.stream()
			.map((request) -> request.queryParameter("started_after").firstValue() + "-"
					+ request.queryParameter("started_before").firstValue())
			.distinct()
			.toList();
		assertThat(filters).containsExactly(DAY + "-" + (DAY + 86_400_000L));
	}

	@Test
	void countsWithoutPublishingInADryRun() {
		UUID appId = newApp();
		addCall(DAY + 1_000, "hangup", true);
		addCall(DAY + 2_000, "hangup", true);

		Response response = api().post("/internal/apps/" + appId + "/backfill?dry_run=true&from=" + DAY, null);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().path("missing").asInt()).isEqualTo(2);
		assertThat(response.json().path("published").asInt()).isZero();
		assertThat(eventsOf(appId)).isEmpty();
	}

	@Test
	void refusesABadPeriodOrAnUnknownAppAndPublishesNothing() {
		UUID appId = newApp();
		addCall(DAY + 1_000, "hangup", true);
		String path = "/internal/apps/" + appId + "/backfill";

		assertThat(api().post(path, null).isProblem(400)).isTrue();
		assertThat(api().post(path + "?from=yesterday", null).isProblem(400)).isTrue();
		assertThat(api().post(path + "?from=2026-11-02&to=2026-11-01", null).isProblem(400)).isTrue();
		assertThat(api().post(path + "?from=2026-01-01&to=2026-11-01", null).isProblem(400)).isTrue();
		assertThat(api().post("/internal/apps/" + UUID.randomUUID() + "/backfill?from=" + DAY, null).isProblem(404))
			.isTrue();
		assertThat(api().post("/internal/apps/nope/backfill?from=" + DAY, null).isProblem(400)).isTrue();
		assertThat(this.dialpad.requests("GET", "/api/v2/call")).isEmpty();
		assertThat(eventsOf(appId)).isEmpty();
	}

	@Test
	void saysTheKeyLacksTheScopeWhenDialpadRefusesAndGetsThroughARateLimit() {
		UUID appId = newApp();
		addCall(DAY + 1_000, "hangup", true);
		this.dialpad.failNext("GET", "/api/v2/call", 403, 1);

		Response refused = api().post("/internal/apps/" + appId + "/backfill?from=" + DAY, null);

		assertThat(refused.isProblem(502)).isTrue();
		assertThat(refused.field("detail")).contains("calls:list");
		assertThat(eventsOf(appId)).isEmpty();

		this.dialpad.rateLimitNext("GET", "/api/v2/call", null, 1);
		this.dialpad.failNext("GET", "/api/v2/call", 503, 1);
		Response retried = api().post("/internal/apps/" + appId + "/backfill?from=" + DAY, null);
		assertThat(retried.status()).as(retried.text()).isEqualTo(200);
		assertThat(retried.json().path("published").asInt()).isOne();
	}

	@Test
	void answers503WithRetryAfterWhileIngestIsAwayAndPublishesOnceItIsBack() {
		UUID appId = newApp();
		long missing = addCall(DAY + 1_000, "hangup", true);
		TestIngest.stop();
		Response refused;
		try {
			refused = api().post("/internal/apps/" + appId + "/backfill?from=" + DAY, null);
		}
		finally {
			TestIngest.ensureRunning(this.brokers);
		}

		assertThat(refused.isProblem(503)).as(refused.text()).isTrue();
		assertThat(refused.field("type")).isEqualTo("urn:cti:admin:backfill-not-published");
		assertThat(refused.retryAfter()).isEqualTo("10");
		assertThat(refused.field("detail")).contains("CTI_INGEST_URL").contains("repeating a backfill is safe");
		assertThat(eventsOf(appId)).isEmpty();

		Response repeated = api().post("/internal/apps/" + appId + "/backfill?from=" + DAY, null);
		assertThat(repeated.status()).as(repeated.text()).isEqualTo(200);
		assertThat(repeated.json().path("published").asInt()).isOne();
		assertThat(eventsOf(appId)).extracting(ConsumerRecord::key).containsExactly(Long.toString(missing));
	}

	private long addCall(long started, String state, boolean numericId) {
		long callId = ids.incrementAndGet();
		ObjectNode call = json.createObjectNode();
		if (numericId) {
			call.put("call_id", callId);
		}
		else {
			call.put("call_id", Long.toString(callId));
		}
		if (state != null) {
			call.put("state", state);
		}
		call.put("direction", "inbound");
		call.put("external_number", "+14155559876");
		call.put("date_started", started);
		call.put("date_connected", (Long) null);
		call.put("date_ended", started + 30_000);
		call.put("duration", 0);
		call.put("total_duration", 1234.5);
		call.put("event_timestamp", started + 30_100);
		call.putObject("contact").put("name", "Zoë Caller").put("phone", "+14155559876");
		this.dialpad.addCall(call);
		return callId;
	}

	private ObjectNode call(long callId) {
		return this.dialpad.calls()
			.stream()
			.filter((call) -> call.get("call_id").asString().equals(Long.toString(callId)))
			.findFirst()
			.orElseThrow();
	}

	private void storeCall(UUID appId, long callId) {
		this.jdbc.sql("""
				insert into calls (app_id, call_id, conversation_id, state, event_timestamp, raw_payload)
				values (:app, :call, :call, 'hangup', 1, '{}'::jsonb)
				""").param("app", appId).param("call", callId).update();
	}

	private List<ConsumerRecord<String, String>> eventsOf(UUID appId) {
		return TopicReader.readAll(this.brokers, Topics.DIALPAD_EVENTS)
			.stream()
			.filter((record) -> record.value() != null && record.value().contains(appId.toString()))
			.toList();
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
