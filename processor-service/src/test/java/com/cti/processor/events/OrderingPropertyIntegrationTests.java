package com.cti.processor.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.cti.model.DialpadEventReceived;
import com.cti.processor.Fixtures;
import com.cti.processor.ProcessorIntegrationTest;
import com.cti.processor.ProjectedRows;
import com.cti.processor.TestData;
import com.cti.processor.TestEventSender;
import com.cti.processor.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The property the projections promise: every fixture's events, shuffled and delivered
 * several times (the same record again, or a fresh envelope as a Dialpad retry through
 * ingest would make), in batches of random sizes, end in the very rows that one in-order
 * application gives, column by column.
 */
@ProcessorIntegrationTest
class OrderingPropertyIntegrationTests {

	private static final int SEEDS = 6;

	@Autowired
	EventBatchService batches;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Test
	void givesTheSameRowsWhateverTheOrderAndHowOftenEventsArrive() {
		List<JsonNode> events = allFixtureEvents();
		TestData data = new TestData(this.jdbc);
		UUID reference = data.newApp();
		for (JsonNode event : events) {
			this.batches.apply(List.of(incoming(TestEvents.envelope(reference.toString(), event))), List.of());
		}
		ProjectedRows expected = ProjectedRows.of(this.jdbc, reference);
		assertThat(expected.calls()).hasSize(5);
		assertThat(expected.messages()).hasSize(2);
		assertThat(expected.voicemails()).hasSize(1);

		for (int seed = 1; seed <= SEEDS; seed++) {
			UUID app = data.newApp();
			Random random = new Random(seed);
			List<DialpadEventReceived> deliveries = shuffledDeliveries(app, events, random);
			for (List<DialpadEventReceived> batch : randomBatches(deliveries, random)) {
				this.batches.apply(batch.stream().map(OrderingPropertyIntegrationTests::incoming).toList(), List.of());
			}
			ProjectedRows actual = ProjectedRows.of(this.jdbc, app);
			assertThat(actual.calls()).as("calls, seed %d", seed).isEqualTo(expected.calls());
			assertThat(actual.messages()).as("messages, seed %d", seed).isEqualTo(expected.messages());
			assertThat(actual.voicemails()).as("voicemails, seed %d", seed).isEqualTo(expected.voicemails());
			assertThat(actual.events()).as("raw log, seed %d", seed).isEqualTo(expected.events());
		}
	}

	@Test
	void givesTheSameRowsThroughTheBroker() {
		List<JsonNode> events = allFixtureEvents();
		TestData data = new TestData(this.jdbc);
		UUID reference = data.newApp();
		for (JsonNode event : events) {
			this.batches.apply(List.of(incoming(TestEvents.envelope(reference.toString(), event))), List.of());
		}
		UUID app = data.newApp();

		this.sender.send(shuffledDeliveries(app, events, new Random(99)));

		await().atMost(Duration.ofSeconds(20)).until(() -> data.processedEvents(app) == events.size());
		assertThat(ProjectedRows.of(this.jdbc, app)).isEqualTo(ProjectedRows.of(this.jdbc, reference));
	}

	private static List<JsonNode> allFixtureEvents() {
		List<JsonNode> events = new ArrayList<>();
		Fixtures.names().forEach((name) -> events.addAll(Fixtures.events(name)));
		return events;
	}

	/** Each event one to four times, some as the same record, some as fresh envelopes. */
	private static List<DialpadEventReceived> shuffledDeliveries(UUID app, List<JsonNode> events, Random random) {
		List<DialpadEventReceived> deliveries = new ArrayList<>();
		for (JsonNode event : events) {
			DialpadEventReceived first = TestEvents.envelope(app.toString(), event);
			deliveries.add(first);
			int more = random.nextInt(4);
			for (int i = 0; i < more; i++) {
				deliveries.add(random.nextBoolean() ? first : TestEvents.envelope(app.toString(), event));
			}
		}
		Collections.shuffle(deliveries, random);
		return deliveries;
	}

	private static List<List<DialpadEventReceived>> randomBatches(List<DialpadEventReceived> deliveries,
			Random random) {
		List<List<DialpadEventReceived>> batches = new ArrayList<>();
		int from = 0;
		while (from < deliveries.size()) {
			int to = Math.min(deliveries.size(), from + 1 + random.nextInt(25));
			batches.add(deliveries.subList(from, to));
			from = to;
		}
		return batches;
	}

	private static IncomingEvent incoming(DialpadEventReceived envelope) {
		return new IncomingEvent(envelope, null);
	}

}
