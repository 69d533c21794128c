package com.cti.processor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cti.processor.TestData.instant;
import static com.cti.processor.TestData.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processor end to end: envelopes on the events topic, as ingest publishes them,
 * become rows in PostgreSQL, and the consumer's offsets move only once those rows are
 * committed.
 */
@ProcessorIntegrationTest
class ProcessorIntegrationTests {

	private static final String TWO_LEGS = "call-answered-two-legs.json";

	private static final long DEPARTMENT_LEG = 6400000000000101L;

	private static final long AGENT_LEG = 6400000000000102L;

	private static final long DANA = 5600000000000042L;

	private static KafkaOffsets offsets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	TestData data;

	@BeforeAll
	static void connectAdmin(@Value("${spring.embedded.kafka.brokers}") String brokers) {
		offsets = new KafkaOffsets(brokers);
	}

	@AfterAll
	static void closeAdmin() {
		offsets.close();
	}

	@BeforeEach
	void setUp() {
		this.data = new TestData(this.jdbc);
	}

	@Test
	void projectsBothLegsOfAnAnsweredCall() {
		UUID app = this.data.newApp();
		this.data.mapUser(app, DANA, "crm-user-dana");
		List<JsonNode> events = Fixtures.events(TWO_LEGS);

		this.sender.sendEvents(app.toString(), events);

		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(app) == events.size());
		assertThat(this.data.count("select count(*) from webhook_events where app_id = :app", app))
			.isEqualTo(events.size());
		assertThat(this.data.count("select count(*) from webhook_events where app_id = :app and processed_at is null"
				+ " or app_id = :app and processing_error is not null", app))
			.isZero();
		assertThat(this.data.rows("calls", "call_id", app)).containsOnlyKeys(DEPARTMENT_LEG, AGENT_LEG);
		assertDepartmentLeg(this.data.call(app, DEPARTMENT_LEG), events);
		assertAgentLeg(this.data.call(app, AGENT_LEG), events);
	}

	private static void assertDepartmentLeg(Map<String, Object> leg, List<JsonNode> events) {
		assertThat(leg.get("direction")).isEqualTo("inbound");
		assertThat(leg.get("external_number")).isEqualTo("+14155559876");
		assertThat(leg.get("internal_number")).isEqualTo("+14155550101");
		assertThat(leg.get("state")).isEqualTo("hangup");
		assertThat(instant(leg, "started_at")).isEqualTo(ms(1764158400000L));
		assertThat(instant(leg, "rang_at")).isEqualTo(ms(1764158400400L));
		assertThat(instant(leg, "connected_at")).isEqualTo(ms(1764158405200L));
		assertThat(instant(leg, "ended_at")).isEqualTo(ms(1764158587310L));
		assertThat(instant(leg, "queued_at")).isNull();
		assertThat(leg.get("duration_ms")).isEqualTo(182110L);
		assertThat(leg.get("total_duration_ms")).isEqualTo(187310L);
		assertThat(leg.get("talk_time_ms")).isNull();
		assertThat(leg.get("answered")).isEqualTo(true);
		assertThat(leg.get("missed")).isEqualTo(false);
		assertThat(leg.get("is_active")).isEqualTo(false);
		assertThat(leg.get("transferred")).isEqualTo(true);
		assertThat(leg.get("recorded")).isEqualTo(false);
		assertThat(leg.get("operator_call_id")).isEqualTo(AGENT_LEG);
		assertThat(leg.get("entry_point_call_id")).isNull();
		assertThat(leg.get("conversation_id")).isEqualTo(DEPARTMENT_LEG);
		assertThat(leg.get("target_type")).isEqualTo("department");
		assertThat(leg.get("target_name")).isEqualTo("Billing");
		assertThat(leg.get("target_id")).isEqualTo(5500000000000777L);
		assertThat(leg.get("contact_name")).isEqualTo("Chris Caller");
		assertThat(leg.get("contact_email")).isNull();
		assertThat(leg.get("dialpad_user_id")).isNull();
		assertThat(leg.get("client_user_id")).isNull();
		assertThat(leg.get("mos_score")).isEqualTo(4.41);
		assertThat(leg.get("event_timestamp")).isEqualTo(1764158587500L);
		assertThat(TestData.json(leg, "raw_payload")).isEqualTo(events.get(8));
	}

	private static void assertAgentLeg(Map<String, Object> leg, List<JsonNode> events) {
		assertThat(leg.get("direction")).isEqualTo("inbound");
		assertThat(leg.get("internal_number")).isEqualTo("+14155550142");
		assertThat(leg.get("state")).isEqualTo("recap_summary");
		assertThat(instant(leg, "started_at")).isEqualTo(ms(1764158400000L));
		assertThat(instant(leg, "connected_at")).isEqualTo(ms(1764158405210L));
		assertThat(instant(leg, "ended_at")).isEqualTo(ms(1764158587300L));
		assertThat(leg.get("duration_ms")).isEqualTo(182090L);
		assertThat(leg.get("talk_time_ms")).isEqualTo(167090L);
		assertThat(leg.get("hold_time_ms")).isEqualTo(15000L);
		assertThat(leg.get("answered")).isEqualTo(true);
		assertThat(leg.get("missed")).isEqualTo(false);
		assertThat(leg.get("is_active")).isEqualTo(false);
		assertThat(leg.get("recorded")).isEqualTo(true);
		assertThat(leg.get("transferred")).isEqualTo(false);
		assertThat(leg.get("entry_point_call_id")).isEqualTo(DEPARTMENT_LEG);
		assertThat(leg.get("conversation_id")).isEqualTo(DEPARTMENT_LEG);
		assertThat(leg.get("target_type")).isEqualTo("user");
		assertThat(leg.get("target_email")).isEqualTo("dana@acme.example");
		assertThat(leg.get("dialpad_user_id")).isEqualTo(DANA);
		assertThat(leg.get("client_user_id")).isEqualTo("crm-user-dana");
		assertThat(leg.get("mos_score")).isEqualTo(4.38);
		assertThat(TestData.json(leg, "recording_details")).isEqualTo(events.get(9).get("recording_details"));
		assertThat(leg.get("transcription_text")).isEqualTo(events.get(10).get("transcription_text").asString());
		assertThat(leg.get("recap_summary"))
			.isEqualTo("Customer reported a duplicate November charge; agent issued a refund.");
		assertThat(leg.get("event_timestamp")).isEqualTo(1764158700000L);
		assertThat(TestData.json(leg, "raw_payload")).isEqualTo(events.get(11));
	}

	@Test
	void commitsOffsetsOnlyAfterTheDatabaseCommits() throws Exception {
		UUID app = this.data.newApp();
		List<JsonNode> events = Fixtures.events(TWO_LEGS);
		await().atMost(Duration.ofSeconds(15)).until(() -> committed() == endOffsets());
		long before = committed();
		try (Connection blocker = DriverManager.getConnection(this.databaseUrl, "postgres", "")) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("lock table calls in exclusive mode");
			}

			this.sender.sendEvents(app.toString(), events);

			// the batch reached the database and waits for the lock, inside its
			// transaction
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.jdbc.sql("select count(*) from pg_locks where not granted")
					.query(Integer.class)
					.single() > 0);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> committed() == before && this.data.processedEvents(app) == 0);
			blocker.rollback();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.data.processedEvents(app) == events.size());
		await().atMost(Duration.ofSeconds(15)).until(() -> committed() == before + events.size());
		assertThat(this.data.rows("calls", "call_id", app)).containsOnlyKeys(DEPARTMENT_LEG, AGENT_LEG);
	}

	private long committed() throws Exception {
		return offsets.committedTotal("cti-processor");
	}

	private long endOffsets() throws Exception {
		return offsets.endTotal();
	}

}
