package com.cti.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = FallbackProblemHandlerIntegrationTests.TestService.class)
class FallbackProblemHandlerIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.newDatabaseFor(registry);
	}

	@Test
	void unknownPathIsAProblem() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/no-such-thing")).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/no-such-thing");
		assertThat(problem.get("detail").asString()).startsWith("There is no GET /api/no-such-thing here");
	}

	@Test
	void methodThePathDoesNotAllowIsAProblem() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		assertThat(JsonMapper.shared().readTree(response.body()).get("status").asInt()).isEqualTo(405);
	}

	@Test
	void knownPathStillAnswers() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health")).GET());
		assertThat(response.body()).contains("\"status\"");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestService {

	}

}
