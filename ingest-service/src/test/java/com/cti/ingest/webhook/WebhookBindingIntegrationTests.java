package com.cti.ingest.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.cti.ingest.HandMadeJwt;
import com.cti.ingest.SecretsTopic;
import com.cti.ingest.TopicRecords;
import com.cti.ingest.WebhookClient;
import com.cti.kafka.KraftBroker;
import com.cti.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest service with the defaults that {@code IngestIntegrationTest} widens, and
 * unregistered apps refused: a token bound to its app, the replay window, the read limits
 * on payloads and the body-read deadline, each refusal a 4xx problem that publishes
 * nothing. A context and a broker of its own; the body deadline is shortened so that the
 * slow-body test stays short.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cti.required-settings=",
				"cti.ingest.webhook-secret=" + WebhookBindingIntegrationTests.SHARED_SECRET,
				"cti.ingest.accept-unregistered-apps=false", "cti.ingest.body-read-timeout=2s",
				"cti.ingest.spool.directory=target/spool/${random.uuid}" })
@DirtiesContext
class WebhookBindingIntegrationTests {

	// a broker of its own, not @EmbeddedKafka: that would repoint
	// spring.embedded.kafka.brokers, which the shared context's tests read
	static final KraftBroker broker = KraftBroker.startTemporary();

	static final String SHARED_SECRET = "binding-tests-shared-secret-4e81c0";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	String brokers = broker.bootstrapServers();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	WebhookClient client;

	SecretsTopic secrets;

	@BeforeEach
	void setUp() {
		this.client = new WebhookClient(this.port);
		this.secrets = new SecretsTopic(this.brokers);
	}

	@AfterEach
	void tearDown() {
		this.secrets.close();
	}

	@Test
	void acceptsTheSharedSecretOnlyForAppsConfiguredToUseIt() {
		String generated = newApp();
		String global = newApp();
		this.secrets.signed(generated, "own-secret-of-" + generated);
		// secret_source 'global': the admin publishes DIALPAD_WEBHOOK_SECRET as the app's
		// own
		this.secrets.signed(global, SHARED_SECRET);
		await().atMost(PATIENCE)
			.until(() -> post(global, HandMadeJwt.hs256(SHARED_SECRET, call(now()))).statusCode(),
					(status) -> status == 200);
		assertThat(post(generated, HandMadeJwt.hs256("own-secret-of-" + generated, call(now()))).statusCode())
			.isEqualTo(200);

		long replayedIntoGenerated = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(generated, HandMadeJwt.hs256(SHARED_SECRET, call(replayedIntoGenerated, now()))), 401,
				"bad-signature", replayedIntoGenerated);
		long replayedIntoGlobal = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(global, HandMadeJwt.hs256("own-secret-of-" + generated, call(replayedIntoGlobal, now()))),
				401, "bad-signature", replayedIntoGlobal);
		long unregistered = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(newApp(), HandMadeJwt.hs256(SHARED_SECRET, call(unregistered, now()))), 401,
				"app-not-registered", unregistered);
		// no app in the URL (a single-app deployment): the URL cannot steer the token
		// anywhere
		assertThat(
				this.client.post("/webhooks/dialpad", "application/jwt", HandMadeJwt.hs256(SHARED_SECRET, call(now())))
					.statusCode())
			.isEqualTo(200);
	}

	@Test
	void refusesTokensOutsideTheReplayWindowButNotDialpadsRetries() {
		String app = registeredApp();
		long nowSeconds = Instant.now().getEpochSecond();
		long dayAndAnHour = Duration.ofHours(25).toMillis();

		long oldIat = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(app, HandMadeJwt.hs256(SHARED_SECRET, withIat(call(oldIat, now()), nowSeconds - 25 * 3600))),
				401, "token-outside-window", oldIat);
		long oldEvent = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(app, HandMadeJwt.hs256(SHARED_SECRET, call(oldEvent, now() - dayAndAnHour))), 401,
				"token-outside-window", oldEvent);
		long futureEvent = WebhookIntegrationTests.uniqueCallId();
		assertRefused(post(app, HandMadeJwt.hs256(SHARED_SECRET, call(futureEvent, now() + dayAndAnHour))), 401,
				"token-outside-window", futureEvent);

		// an SMS retried for four hours, and a call event a few seconds old, are accepted
		long fourHours = Duration.ofHours(4).toMillis();
		assertThat(post(app, HandMadeJwt.hs256(SHARED_SECRET, withIat(sms(now() - fourHours), nowSeconds - 4 * 3600)))
			.statusCode()).isEqualTo(200);
		assertThat(post(app, HandMadeJwt.hs256(SHARED_SECRET, withIat(call(now() - 15_000), nowSeconds - 15)))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesPayloadsBeyondTheReadLimits() {
		String app = registeredApp();
		long deep = WebhookIntegrationTests.uniqueCallId();
		String nested = "[".repeat(200) + "]".repeat(200);
		String deepCall = "{\"call_id\":" + deep + ",\"state\":\"ringing\",\"event_timestamp\":" + now() + ",\"x\":"
				+ nested + "}";
		assertRefused(post(app, HandMadeJwt.hs256(SHARED_SECRET, deepCall)), 400, "payload-too-complex", deep);

		long huge = WebhookIntegrationTests.uniqueCallId();
		String hugeCall = "{\"call_id\":" + huge + ",\"state\":\"ringing\",\"event_timestamp\":" + now()
				+ ",\"duration\":" + "9".repeat(500) + "}";
		assertRefused(post(app, HandMadeJwt.hs256(SHARED_SECRET, hugeCall)), 400, "payload-too-complex", huge);
	}

	@Test
	void givesUpOnABodyThatTrickles() throws Exception {
		String app = registeredApp();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /webhooks/dialpad/" + app + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/jwt\r\nContent-Length: 1000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			long started = System.nanoTime();
			String answer = null;
			while (answer == null && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 8) {
				try {
					out.write('e');
					out.flush();
				}
				catch (IOException ex) {
					answer = "closed";
					break;
				}
				answer = readAnswer(socket.getInputStream());
				if (answer == null) {
					// meanwhile, a normal request is served
					assertThat(post(app, HandMadeJwt.hs256(SHARED_SECRET, call(now()))).statusCode()).isEqualTo(200);
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(answer).as("an answer or a closed connection within 8 s").isNotNull();
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			if (!"closed".equals(answer)) {
				assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:cti:webhook:body-too-slow");
			}
		}
	}

	/** What the server has answered so far, null when nothing came within a second. */
	private static String readAnswer(InputStream in) throws IOException {
		byte[] buffer = new byte[4096];
		try {
			int read = in.read(buffer);
			if (read < 0) {
				return "closed";
			}
			Thread.sleep(200);
			int more = (in.available() > 0) ? in.read(buffer, read, Math.min(in.available(), buffer.length - read)) : 0;
			return new String(buffer, 0, read + Math.max(more, 0), StandardCharsets.US_ASCII);
		}
		catch (SocketTimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String registeredApp() {
		String app = newApp();
		this.secrets.signed(app, SHARED_SECRET);
		await().atMost(PATIENCE)
			.until(() -> post(app, HandMadeJwt.hs256(SHARED_SECRET, call(now()))).statusCode(),
					(status) -> status == 200);
		return app;
	}

	private void assertRefused(HttpResponse<String> response, int status, String reason, long marker) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:cti:webhook:" + reason);
		assertThat(TopicRecords.readAll(this.brokers, Topics.DIALPAD_EVENTS))
			.noneMatch((record) -> record.value().contains(Long.toString(marker)));
	}

	private HttpResponse<String> post(String app, String body) {
		return this.client.post("/webhooks/dialpad/" + app, "application/jwt", body);
	}

	private static String newApp() {
		return UUID.randomUUID().toString();
	}

	private static long now() {
		return System.currentTimeMillis();
	}

	private static String call(long eventTimestamp) {
		return call(WebhookIntegrationTests.uniqueCallId(), eventTimestamp);
	}

	private static String call(long callId, long eventTimestamp) {
		return "{\"call_id\":" + callId + ",\"state\":\"ringing\",\"event_timestamp\":" + eventTimestamp + "}";
	}

	private static String sms(long eventTimestamp) {
		return "{\"id\":" + WebhookIntegrationTests.uniqueCallId()
				+ ",\"from_number\":\"+14155550123\",\"to_number\":[\"+14155550101\"],\"message_status\":\"pending\""
				+ ",\"event_timestamp\":" + eventTimestamp + "}";
	}

	private static String withIat(String payload, long iat) {
		return payload.substring(0, payload.length() - 1) + ",\"iat\":" + iat + "}";
	}

}
