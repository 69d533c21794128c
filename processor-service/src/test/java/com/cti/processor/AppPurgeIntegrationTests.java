package com.cti.processor;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;
import com.cti.processor.rebuild.RebuildEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purging an app on the admin service's command: every row of the app goes from every
 * table the processor owns, other apps keep theirs, and the app's events that come after
 * bring nothing back (nor does a rebuild).
 */
@ProcessorIntegrationTest
class AppPurgeIntegrationTests {

	private static final List<String> TABLES = List.of("webhook_events", "calls", "messages", "voicemails",
			"change_events");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Autowired
	RebuildEndpoint rebuild;

	@Autowired
	MeterRegistry meterRegistry;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void deletesEveryRowOfThePurgedAppAndNothingOfTheOthers() {
		TestData data = new TestData(this.jdbc);
		UUID purged = data.newApp();
		UUID kept = data.newApp();
		UUID notRequested = data.newApp();
		List<JsonNode> events = allFixtureEvents();
		for (UUID app : List.of(purged, kept, notRequested)) {
			this.sender.sendEvents(app.toString(), events);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> List.of(purged, kept, notRequested)
				.stream()
				.allMatch((app) -> data.processedEvents(app) == events.size()));
		UUID parkedOriginal = parkedOriginalAssignedTo(purged);
		UUID parkedNamingIt = parkedEventNaming(purged);
		ProjectedRows keptBefore = ProjectedRows.of(this.jdbc, kept);
		Map<String, Long> keptCounts = counts(kept);
		ProjectedRows notRequestedBefore = ProjectedRows.of(this.jdbc, notRequested);
		assertThat(counts(purged).values()).allMatch((count) -> count > 0);

		// a command whose request was never committed changes nothing; the topic is
		// ordered, so once the next command is done this one was seen
		command(notRequested);
		requestPurge(purged);
		command(purged);

		await().atMost(Duration.ofSeconds(20)).until(() -> purgedAt(purged) != null);
		assertThat(counts(purged)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
		assertThat(exists(parkedOriginal)).isFalse();
		assertThat(exists(parkedNamingIt)).isFalse();
		assertThat(ProjectedRows.of(this.jdbc, kept)).isEqualTo(keptBefore);
		assertThat(counts(kept)).isEqualTo(keptCounts);
		assertThat(ProjectedRows.of(this.jdbc, notRequested)).isEqualTo(notRequestedBefore);
		assertThat(purgedAt(notRequested)).isNull();

		Instant firstPurge = purgedAt(purged);
		command(purged);
		UUID next = data.newApp();
		requestPurge(next);
		command(next);
		await().atMost(Duration.ofSeconds(20)).until(() -> purgedAt(next) != null);
		assertThat(purgedAt(purged)).isEqualTo(firstPurge);
	}

	@Test
	void eventsOfAPurgedAppArrivingLaterCreateNothing() {
		TestData data = new TestData(this.jdbc);
		UUID purged = data.newApp();
		List<JsonNode> events = allFixtureEvents();
		this.sender.sendEvents(purged.toString(), events.subList(0, 5));
		await().atMost(Duration.ofSeconds(20)).until(() -> data.processedEvents(purged) == 5);
		requestPurge(purged);
		command(purged);
		await().atMost(Duration.ofSeconds(20)).until(() -> purgedAt(purged) != null);
		double droppedBefore = dropped();

		this.sender.sendEvents(purged.toString(), events);

		await().atMost(Duration.ofSeconds(20)).until(() -> dropped() >= droppedBefore + events.size());
		assertThat(counts(purged)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
	}

	@Test
	void aRebuildSkipsAnAppWhosePurgeIsRequested() {
		TestData data = new TestData(this.jdbc);
		UUID app = data.newApp();
		List<JsonNode> events = allFixtureEvents();
		this.sender.sendEvents(app.toString(), events);
		await().atMost(Duration.ofSeconds(20)).until(() -> data.processedEvents(app) == events.size());
		long changes = counts(app).get("change_events");
		// requested, the command not yet carried out
		requestPurge(app);

		this.rebuild.rebuild();

		Map<String, Long> after = counts(app);
		assertThat(after.get("calls")).isZero();
		assertThat(after.get("messages")).isZero();
		assertThat(after.get("voicemails")).isZero();
		assertThat(after.get("change_events")).isEqualTo(changes);
	}

	private static List<JsonNode> allFixtureEvents() {
		List<JsonNode> events = new ArrayList<>();
		for (String fixture : Fixtures.names()) {
			events.addAll(Fixtures.events(fixture));
		}
		return events;
	}

	/** An unattributed event that an admin assigned to the app (resolved by its copy). */
	private UUID parkedOriginalAssignedTo(UUID app) {
		UUID copy = this.jdbc.sql("select id from webhook_events where app_id = :app limit 1")
			.param("app", app)
			.query(UUID.class)
			.single();
		UUID original = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, kind, content_hash, payload, schema_version, received_at, processed,
				    resolved_by, resolved_at)
				values (:id, 'call', :hash, '{}', 1, now(), true, :copy, now())
				""").param("id", original).param("hash", "original-" + original).param("copy", copy).update();
		return original;
	}

	/** An event that named the app while it did not exist (parked). */
	private UUID parkedEventNaming(UUID app) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, claimed_app_id, kind, content_hash, payload, schema_version,
				    received_at)
				values (:id, :claimed, 'call', :hash, '{}', 1, now())
				""").param("id", id).param("claimed", app.toString()).param("hash", "parked-" + id).update();
		return id;
	}

	private boolean exists(UUID eventId) {
		return this.jdbc.sql("select count(*) from webhook_events where id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() > 0;
	}

	/** What the admin service writes before it publishes the command. */
	private void requestPurge(UUID app) {
		this.jdbc.sql("update apps set enabled = false, purge_requested_at = now() where id = :id")
			.param("id", app)
			.update();
	}

	private void command(UUID app) {
		try (var producer = new KafkaProducer<String, Object>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<>().noTypeInfo())) {
			producer
				.send(new ProducerRecord<>(Topics.APP_COMMANDS, app.toString(),
						new AppPurgeRequested(app.toString(), Instant.now(), "test")))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable Instant purgedAt(UUID app) {
		OffsetDateTime at = this.jdbc.sql("select (select purged_at from app_purges where app_id = :id)")
			.param("id", app)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list()
			.get(0);
		return (at != null) ? at.toInstant() : null;
	}

	private Map<String, Long> counts(UUID app) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table,
					this.jdbc.sql("select count(*) from " + table + " where app_id = :app")
						.param("app", app)
						.query(Long.class)
						.single());
		}
		return counts;
	}

	private double dropped() {
		var counter = this.meterRegistry.find("cti.processor.events.dropped").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
