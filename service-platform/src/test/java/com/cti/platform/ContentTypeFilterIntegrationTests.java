package com.cti.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wildcard Content-Type on an endpoint that reads a JSON body is a 415 problem, not a
 * server error (found by the admin API's fuzzer).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = ContentTypeFilterIntegrationTests.TestService.class)
class ContentTypeFilterIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.newDatabaseFor(registry);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "*/*; charset=utf-8" })
	void refusesAWildcardContentTypeWithAProblem(String contentType) throws Exception {
		HttpResponse<String> response = post(contentType);
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JsonMapper.shared().readTree(response.body()).get("status").asInt()).isEqualTo(415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8" })
	void readsAConcreteContentType(String contentType) throws Exception {
		HttpResponse<String> response = post(contentType);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"a\":1");
	}

	@Test
	void leavesTheBodyToAnEndpointThatReadsItRaw() throws Exception {
		HttpResponse<String> response = post("/raw", "*/*");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("7 bytes");
	}

	private HttpResponse<String> post(String contentType) throws Exception {
		return post("/echo", contentType);
	}

	private HttpResponse<String> post(String path, String contentType) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoController.class)
	static class TestService {

	}

	@RestController
	static class EchoController {

		@PostMapping("/echo")
		Map<String, Object> echo(@RequestBody Map<String, Object> body) {
			return body;
		}

		@PostMapping("/raw")
		String raw(HttpServletRequest request) throws IOException {
			return request.getInputStream().readAllBytes().length + " bytes";
		}

	}

}
