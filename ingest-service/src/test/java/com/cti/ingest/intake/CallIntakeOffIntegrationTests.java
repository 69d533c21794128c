package com.cti.ingest.intake;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.model.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code INTERNAL_API_SECRET} the intake is off: every request gets a 404
 * problem, whatever it carries, and nothing is published.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "cti.required-settings=",
				"cti.ingest.webhook-secret=intake-off-webhook-secret",
				"cti.ingest.spool.directory=target/spool/${random.uuid}" })
@EmbeddedKafka
class CallIntakeOffIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.embedded.kafka.brokers}")
	String brokers;

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
		assertThat(TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS))
			.noneMatch((record) -> Long.toString(callId).equals(record.key()));
	}

}
