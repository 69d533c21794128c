package com.cti.processor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.processor.rebuild.RebuildEndpoint;
import com.cti.processor.rebuild.RebuildReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuild recomputes every projection from {@code webhook_events}: the same tables when
 * they were right, repaired tables (with their changes in the feed) when they were not.
 */
@ProcessorIntegrationTest
class RebuildIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestEventSender sender;

	@Autowired
	RebuildEndpoint endpoint;

	@Test
	void givesTheSameTablesAndRepairsDamagedRows() {
		TestData data = new TestData(this.jdbc);
		UUID app = data.newApp();
		List<JsonNode> events = new ArrayList<>();
		for (String fixture : Fixtures.names()) {
			events.addAll(Fixtures.events(fixture));
		}
		this.sender.sendEvents(app.toString(), events);
		await().atMost(Duration.ofSeconds(20)).until(() -> data.processedEvents(app) == events.size());
		ProjectedRows before = ProjectedRows.of(this.jdbc, app);
		long changesBefore = changes(app);

		RebuildReport unchanged = this.endpoint.rebuild();

		assertThat(ProjectedRows.of(this.jdbc, app)).isEqualTo(before);
		assertThat(changes(app)).isEqualTo(changesBefore);
		assertThat(unchanged.eventsApplied()).isGreaterThanOrEqualTo(events.size() - 3);

		this.jdbc.sql("update calls set state = 'bogus', is_active = true where app_id = :app and call_id = :id")
			.param("app", app)
			.param("id", 6400000000000102L)
			.update();
		this.jdbc.sql("delete from messages where app_id = :app and message_id = :id")
			.param("app", app)
			.param("id", 6500000000000001L)
			.update();
		this.jdbc.sql("update webhook_events set processed = false, processed_at = null where app_id = :app")
			.param("app", app)
			.update();

		this.endpoint.rebuild();

		assertThat(ProjectedRows.of(this.jdbc, app)).isEqualTo(before);
		assertThat(data.processedEvents(app)).isEqualTo(events.size());
		assertThat(this.jdbc.sql("""
				select type || ':' || resource_id from change_events where app_id = :app order by id offset :skip
				""").param("app", app).param("skip", changesBefore).query(String.class).list())
			.containsExactlyInAnyOrder("call:6400000000000102", "message:6500000000000001");
	}

	private long changes(UUID app) {
		return this.jdbc.sql("select count(*) from change_events where app_id = :app")
			.param("app", app)
			.query(Long.class)
			.single();
	}

}
