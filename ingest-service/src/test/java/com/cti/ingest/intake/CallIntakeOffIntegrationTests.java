package com.cti.ingest.intake;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import com.cti.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code INTERNAL_API_SECRET} the intake is off: every request gets a 404
 * problem, whatever it carries, and nothing is published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cti.required-settings=", "cti.ingest.webhook-secret=intake-off-webhook-secret",
				"cti.ingest.spool.directory=target/spool/${random.uuid}" })
@DirtiesContext
class CallIntakeOffIntegrationTests {

	// a broker of its own, not @EmbeddedKafka: that would repoint
	// spring.embedded.kafka.brokers, which the shared context's tests read
	static final KraftBroker broker = KraftBroker.startTemporary();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@LocalServerPort
	int port;

	@Test
	void answers404WithoutTheSecretAndPublishesNothing() {
		long callId = CallIntakeIntegrationTests.callId();
		byte[] body = ("[" + CallIntakeIntegrationTests.call(callId, "\"hangup\"", false) + "]")
			.getBytes(StandardCharsets.UTF_8);
		var client = new WebhookClient(this.port);
		String path = "/internal/intake/" + UUID.randomUUID() + "/calls";

		HttpResponse<String> withBearer = client.post(path, "application/json", body, "Authorization", "Bearer ");
		HttpResponse<String> without = client.post(path, "application/json", body);

		CallIntakeIntegrationTests.assertProblem(withBearer, 404, "intake-off");
		CallIntakeIntegrationTests.assertProblem(without, 404, "intake-off");
		assertThat(TopicRecords.readAll(broker.bootstrapServers(), Topics.DIALPAD_EVENTS))
			.noneMatch((record) -> Long.toString(callId).equals(record.key()));
	}

}
