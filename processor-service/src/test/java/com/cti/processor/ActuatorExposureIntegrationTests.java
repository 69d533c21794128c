package com.cti.processor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.cti.platform.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor's HTTP port answers health and metrics for Prometheus, and nothing that
 * acts: the rebuild is a command, over HTTP only where it is exposed on purpose.
 */
class ActuatorExposureIntegrationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void exposesNoActuatorEndpointBeyondHealthAndPrometheusByDefault() throws Exception {
		EmbeddedKafkaKraftBroker broker = ProcessorInstance.broker();
		String database = TestPostgres.newDatabase();
		ProcessorInstance.migrate(database);
		try (ConfigurableApplicationContext processor = ProcessorInstance.start(broker.getBrokersAsString(),
				database)) {
			String base = "http://localhost:" + processor.getEnvironment().getProperty("local.server.port");
			assertThat(send(HttpRequest.newBuilder(URI.create(base + "/actuator/rebuild"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build())).isEqualTo(404);
			assertThat(get(base + "/actuator/metrics")).isEqualTo(404);
			assertThat(get(base + "/actuator/info")).isEqualTo(404);
			assertThat(get(base + "/actuator/env")).isEqualTo(404);
			assertThat(get(base + "/actuator/health")).isEqualTo(200);
			assertThat(get(base + "/actuator/prometheus")).isEqualTo(200);
		}
		finally {
			broker.destroy();
		}
	}

	private int get(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).build());
	}

	private int send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
