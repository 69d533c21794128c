package com.cti.admin.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests come from distinct loopback addresses (127.0.0.x) so that each test has its
 * own allowance of failures.
 */
@AdminIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InternalAuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void refusesEveryRequestOfAnAddressWithTooManyFailuresWith429AndRetryAfter() throws IOException {
		String address = "127.0.0.2";
		double wrong = refused("wrong-credentials");
		double limitedBefore = refused("rate-limited");
		for (int i = 0; i < AdminIntegrationTest.MAX_FAILED_AUTHENTICATIONS; i++) {
			assertThat(send(address, "Bearer wrong-" + i).status()).isEqualTo(401);
		}

		RawResponse limited = send(address, "Bearer wrong-again");
		RawResponse evenRight = send(address, "Bearer " + AdminApi.SECRET);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
		assertThat(limited.body()).contains("\"status\":429").contains("urn:cti:admin:too-many-failed-authentications");
		assertThat(evenRight.status()).isEqualTo(429);
		assertThat(send("127.0.0.3", "Bearer " + AdminApi.SECRET).status()).isEqualTo(200);
		assertThat(refused("wrong-credentials") - wrong).isEqualTo(AdminIntegrationTest.MAX_FAILED_AUTHENTICATIONS);
		assertThat(refused("rate-limited") - limitedBefore).isEqualTo(2);
	}

	private double refused(String reason) {
		Counter counter = this.meters.find("cti.admin.requests.refused").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void logsRefusalsWithoutTheSecretOrTheAttempt(CapturedOutput output) throws IOException {
		String attempt = "Bearer " + AdminApi.SECRET.substring(0, AdminApi.SECRET.length() - 1) + "Z";

		assertThat(send("127.0.0.4", attempt).status()).isEqualTo(401);
		assertThat(send("127.0.0.4", null).status()).isEqualTo(401);

		assertThat(output.getOut()).contains("Refused GET /internal/apps from 127.0.0.4: wrong credentials")
			.contains("Refused GET /internal/apps from 127.0.0.4: no Authorization header")
			.doesNotContain(AdminApi.SECRET)
			.doesNotContain(attempt.substring(7));
	}

	@Test
	void acceptsTheRightSecret() throws IOException {
		RawResponse response = send("127.0.0.5", "Bearer " + AdminApi.SECRET);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"items\"");
	}

	/** A plain HTTP/1.1 GET from the given local address. */
	private RawResponse send(String localAddress, String authorization) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(localAddress, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			String request = "GET /internal/apps?limit=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ ((authorization != null) ? "Authorization: " + authorization + "\r\n" : "") + "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	record RawResponse(int status, String head, String body) {

		static RawResponse parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			String head = text.substring(0, end);
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, text.substring(end + 4));
		}

		String header(String name) {
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return line.substring(colon + 1).strip();
				}
			}
			return null;
		}

	}

}
