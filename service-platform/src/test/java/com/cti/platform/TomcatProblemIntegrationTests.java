package com.cti.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/**
 * What Tomcat refuses before Spring MVC sees it is answered with a ProblemDetail too,
 * over a raw socket (an HTTP client would refuse to send most of these).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = TomcatProblemIntegrationTests.TestService.class)
class TomcatProblemIntegrationTests {

	private static final String LONG = "a".repeat(10 * 1024);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.newDatabaseFor(registry);
	}

	@ParameterizedTest
	@ValueSource(strings = { "url-beyond-header-limit", "header-beyond-header-limit", "malformed-request-line",
			"bad-uri-encoding", "control-character-in-uri" })
	void answersWhatTomcatRefusesWithAProblem(String kind) throws IOException {
		String request = switch (kind) {
			case "url-beyond-header-limit" ->
				"GET /api/calls?q=" + LONG + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
			case "header-beyond-header-limit" ->
				"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG + "\r\n\r\n";
			case "malformed-request-line" ->
				"GET /health HTTP/1.1 extra\r\nHost: localhost\r\nConnection: close\r\n\r\n";
			case "bad-uri-encoding" -> "GET /api/%zz%c0%af HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
			default -> "GET /api/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		};
		String response = exchange(request);
		String head = response.substring(0, response.indexOf("\r\n\r\n"));
		String body = response.substring(response.indexOf("\r\n\r\n") + 4);

		assertThat(head).startsWith("HTTP/1.1 400");
		assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(body);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(response).doesNotContainIgnoringCase("tomcat")
			.doesNotContainIgnoringCase("apache")
			.doesNotContain("Exception")
			.doesNotContain("<html");
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			in.transferTo(received);
			return received.toString(StandardCharsets.UTF_8);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestService {

	}

}
