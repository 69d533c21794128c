package com.cti.admin.pipeline;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import com.cti.model.IngestStatus;
import com.cti.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class PipelineIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

	@Test
	void reportsTheProcessorsConsumerLag() throws Exception {
		commitProcessorOffsetsAtTheEnd();
		produce(3);

		Response status = api().get("/internal/pipeline");

		assertThat(status.status()).isEqualTo(200);
		JsonNode consumer = status.json().path("consumer");
		assertThat(consumer.path("group").asString()).isEqualTo("cti-processor");
		assertThat(consumer.path("topic").asString()).isEqualTo(Topics.DIALPAD_EVENTS);
		assertThat(consumer.path("available").asBoolean()).isTrue();
		assertThat(consumer.path("committed").asBoolean()).isTrue();
		assertThat(consumer.path("total_lag").asLong()).isEqualTo(3);
		assertThat(consumer.path("partitions").size()).isEqualTo(2);
		long sum = 0;
		for (JsonNode partition : consumer.path("partitions")) {
			assertThat(partition.path("lag").asLong())
				.isEqualTo(partition.path("end_offset").asLong() - partition.path("committed_offset").asLong());
			sum += partition.path("lag").asLong();
		}
		assertThat(sum).isEqualTo(3);

		commitProcessorOffsetsAtTheEnd();
		assertThat(api().get("/internal/pipeline").json().path("consumer").path("total_lag").asLong()).isZero();
	}

	@Test
	void countsEventsWaitingForAnAdmin() {
		JsonNode before = api().get("/internal/pipeline").json();
		UUID appId = api().createApp("pipeline counts").appId();
		insertEvent(null, Instant.now(), false, null);
		insertEvent(null, Instant.now(), false, null);
		insertEvent(null, Instant.now(), true, null);
		insertEvent(appId, Instant.now(), false, "boom");

		JsonNode after = api().get("/internal/pipeline").json();

		assertThat(after.path("unattributed_events").asLong() - before.path("unattributed_events").asLong())
			.isEqualTo(2);
		assertThat(after.path("failed_events").asLong() - before.path("failed_events").asLong()).isEqualTo(1);
	}

	@Test
	void showsTheLastEventOfEachApp() {
		UUID busy = api().createApp("busy").appId();
		UUID quiet = api().createApp("quiet").appId();
		Instant latest = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		insertEvent(busy, latest.minusSeconds(60), true, null);
		insertEvent(busy, latest, true, null);

		JsonNode apps = api().get("/internal/pipeline").json().path("apps");

		assertThat(app(apps, busy).path("last_event_at").asString()).isEqualTo(latest.toString());
		assertThat(app(apps, busy).path("name").asString()).isEqualTo("busy");
		assertThat(app(apps, quiet).path("last_event_at").isNull()).isTrue();
	}

	@Test
	void showsEachIngestInstancesLatestReportAndWhichAreStale() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Duration interval = Duration.ofSeconds(10);
		try (var producer = new KafkaProducer<String, Object>(
				Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers,
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<>().noTypeInfo())) {
			report(producer, new IngestStatus("a-" + run, 99, 9999, now.minusSeconds(5), interval));
			report(producer, new IngestStatus("a-" + run, 7, 700, now, interval));
			report(producer, new IngestStatus("b-" + run, 3, 300, now.minusSeconds(31), interval));
			report(producer, new IngestStatus("c-" + run, 5, 500, now, interval));
			producer.send(new ProducerRecord<>(Topics.INGEST_STATUS, "c-" + run, null)).get();
			producer.send(new ProducerRecord<>(Topics.INGEST_STATUS, "d-" + run, "not json")).get();
		}

		JsonNode ingest = api().get("/internal/pipeline").json().path("ingest");

		assertThat(ingest.path("available").asBoolean()).isTrue();
		JsonNode fresh = instance(ingest, "a-" + run);
		assertThat(fresh.path("spool_depth").asLong()).isEqualTo(7);
		assertThat(fresh.path("spool_bytes").asLong()).isEqualTo(700);
		assertThat(fresh.path("reported_at").asString()).isEqualTo(now.toString());
		assertThat(fresh.path("stale").asBoolean()).isFalse();
		JsonNode stale = instance(ingest, "b-" + run);
		assertThat(stale.path("spool_depth").asLong()).isEqualTo(3);
		assertThat(stale.path("stale").asBoolean()).isTrue();
		List<String> ids = new ArrayList<>();
		long sum = 0;
		for (JsonNode instance : ingest.path("instances")) {
			ids.add(instance.path("instance_id").asString());
			sum += instance.path("spool_depth").asLong();
		}
		assertThat(ids).doesNotContain("c-" + run, "d-" + run);
		assertThat(ingest.path("spool_depth_total").asLong()).isEqualTo(sum).isGreaterThanOrEqualTo(10);
	}

	private static void report(KafkaProducer<String, Object> producer, IngestStatus status) throws Exception {
		producer.send(new ProducerRecord<>(Topics.INGEST_STATUS, status.instanceId(), status)).get();
	}

	private static JsonNode instance(JsonNode ingest, String instanceId) {
		for (JsonNode instance : ingest.path("instances")) {
			if (instance.path("instance_id").asString().equals(instanceId)) {
				return instance;
			}
		}
		throw new AssertionError("no instance " + instanceId + " in " + ingest);
	}

	@Test
	void requiresTheBearer() {
		assertThat(api().send("GET", "/internal/pipeline", null, null, null).isProblem(401)).isTrue();
	}

	private static JsonNode app(JsonNode apps, UUID appId) {
		for (JsonNode app : apps) {
			if (app.path("app_id").asString().equals(appId.toString())) {
				return app;
			}
		}
		throw new AssertionError("no app " + appId + " in " + apps);
	}

	private void commitProcessorOffsetsAtTheEnd() {
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.brokers, ConsumerConfig.GROUP_ID_CONFIG, "cti-processor", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false), new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.DIALPAD_EVENTS)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			consumer.endOffsets(partitions)
				.forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end)));
			consumer.assign(partitions);
			consumer.commitSync(offsets);
		}
	}

	private void produce(int count) throws Exception {
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.brokers, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(Topics.DIALPAD_EVENTS, "lag-" + i, "{}")).get();
			}
		}
	}

	private void insertEvent(@Nullable UUID appId, Instant receivedAt, boolean processed, @Nullable String error) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into webhook_events (id, app_id, kind, content_hash, payload, schema_version, received_at,
				    processed, processing_error)
				values (:id, :app, 'call', :hash, '{}', 1, :received, :processed, :error)
				""")
			.param("id", id)
			.param("app", appId)
			.param("hash", "hash-" + id)
			.param("received", Timestamp.from(receivedAt))
			.param("processed", processed)
			.param("error", error)
			.update();
	}

	private AdminApi api() {
		return new AdminApi(this.port);
	}

}
