package com.cti.admin.backfill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.security.AdminProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client of ingest's intake against a stand-in that answers as the intake does (the
 * real intake is exercised by {@code BackfillIntegrationTests} and ingest's own tests):
 * the calls go in bounded batches with the Bearer secret, and each kind of failure
 * becomes the problem the backfill answers with.
 */
class IngestClientTests {

	private static final String SECRET = "ingest-client-test-secret-0123456789abcdef";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServer ingest = started();

	private final UUID appId = UUID.randomUUID();

	@AfterEach
	void stop() {
		this.ingest.stop();
	}

	@Test
	void handsTheCallsOverInBatchesWithTheBearerSecret() {
		this.ingest.stubFor(WireMock.post(WireMock.urlPathMatching("/internal/intake/.*/calls"))
			.willReturn(WireMock.okJson("{\"accepted\":1,\"spooled\":0}")));

		client(this.ingest.baseUrl(), 2).publish(this.appId, calls(5));

		List<LoggedRequest> requests = this.ingest
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/internal/intake/" + this.appId + "/calls")));
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET);
			assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		});
		List<Long> sent = new ArrayList<>();
		requests.forEach((request) -> json.readTree(request.getBodyAsString())
			.forEach((call) -> sent.add(call.get("call_id").asLong())));
		assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(json.readTree(requests.get(2).getBodyAsString())).hasSize(1);
	}

	@Test
	void passesIngestsRetryAfterOnWhenItCannotStoreTheCalls() {
		this.ingest.stubFor(WireMock.post(WireMock.anyUrl())
			.willReturn(WireMock.aResponse()
				.withStatus(503)
				.withHeader("Retry-After", "5")
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\":\"urn:cti:intake:not-durable\",\"status\":503}")));

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> client(this.ingest.baseUrl(), 100).publish(this.appId, calls(1)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getBody().getType()).hasToString("urn:cti:admin:backfill-not-published"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("urn:cti:intake:not-durable"))
			.satisfies((ex) -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("5"));
	}

	@Test
	void saysWhatToCheckWhenIngestRefusesTheRequest() {
		this.ingest.stubFor(WireMock.post(WireMock.anyUrl())
			.willReturn(WireMock.aResponse()
				.withStatus(404)
				.withHeader("Content-Type", "application/problem+json")
				.withBody("{\"type\":\"urn:cti:intake:intake-off\",\"status\":404}")));

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> client(this.ingest.baseUrl(), 100).publish(this.appId, calls(1)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY))
			.satisfies((ex) -> assertThat(ex.getBody().getType()).hasToString("urn:cti:admin:backfill-ingest-refused"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("404 urn:cti:intake:intake-off")
				.contains("INTERNAL_API_SECRET")
				.doesNotContain(SECRET));
	}

	@Test
	void answers503WhenIngestCannotBeReachedAndReadsABareHostAndPortAsHttp() {
		String address = "127.0.0.1:" + this.ingest.port();
		this.ingest.stop();

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> client(address, 100).publish(this.appId, calls(1)))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("http://" + address)
				.contains("CTI_INGEST_URL"))
			.satisfies((ex) -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("10"));
	}

	private static IngestClient client(String url, int batchSize) {
		return new IngestClient(RestClient.builder(), ClientHttpRequestFactoryBuilder.detect(),
				HttpClientSettings.defaults(),
				new IngestIntakeProperties(url, Duration.ofSeconds(2), Duration.ofSeconds(5), batchSize),
				new AdminProperties(SECRET, false, new AdminProperties.AuthFailures(10, Duration.ofMinutes(1))));
	}

	private static List<JsonNode> calls(int count) {
		List<JsonNode> calls = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			calls.add(json.readTree("{\"call_id\":" + i + ",\"state\":\"hangup\",\"event_timestamp\":" + i + "}"));
		}
		return calls;
	}

	private static WireMockServer started() {
		var server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		return server;
	}

}
