package com.cti.deploy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.cti.bench.system.KafkaBroker;
import com.sun.net.httpserver.HttpServer;
import com.cti.fixtures.DialpadFixtures;
import com.cti.fixtures.MonitoredMetrics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployed form, for real: Kafka and PostgreSQL as processes, the four service images
 * as separate containers started with the environment {@code docker-compose.yml} gives
 * them (interpolated as {@code docker compose} would), and the gateway with
 * {@code infra/docker/nginx.conf} in front. Signed webhooks go in through the gateway and
 * come back through {@code /api/calls}; the processor container is killed mid-stream and
 * started again: nothing accepted is lost, nothing is doubled.
 * <p>
 * Runs only with {@code -Dcti.images=TAG} (the images {@code localhost/cti-<module>:TAG}
 * that {@code infra/docker/build-images.sh TAG} builds); {@code .ci/run} does both. The
 * containers share the host's network (compose's service names resolve to 127.0.0.1), so
 * compose's ports must be free: 9092, 9093, 5432, 8080 to 8084.
 */
@EnabledIfSystemProperty(named = "cti.images", matches = ".+")
class SeparateContainersIntegrationTests {

	private static final String TAG = System.getProperty("cti.images", "");

	/**
	 * compose's gateway is nginx:alpine from Docker Hub; here Debian's nginx in the local
	 * base image.
	 */
	private static final String GATEWAY_IMAGE = System.getProperty("cti.gateway-image",
			"localhost/cti-base-jre:bookworm");

	private static final String PREFIX = "cti-it-";

	private static final List<String> SERVICES = List.of("ingest", "processor", "query", "admin");

	/** What the shell that runs {@code docker compose up} would set. */
	private static final Map<String, String> SHELL = Map.of("INTERNAL_API_SECRET",
			"separate-containers-internal-secret-0123456789", "DIALPAD_WEBHOOK_SECRET",
			"separate-containers-webhook-secret", "POSTGRES_PASSWORD", "separate-containers-db-password");

	private static final int CALLS = 120;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ComposeFile compose = ComposeFile.read();

	private static KafkaBroker kafka;

	private static EmbeddedPostgres postgres;

	private static String gateway;

	/**
	 * An OTLP/HTTP collector on the host: the bodies of the spans the containers export.
	 */
	private static final List<byte[]> exportedSpans = new CopyOnWriteArrayList<>();

	private static HttpServer collector;

	@BeforeAll
	static void startTheSystem() throws Exception {
		removeContainers();
		collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", (exchange) -> {
			exportedSpans.add(exchange.getRequestBody().readAllBytes());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		Path data = Files.createTempDirectory("cti-separate-containers");
		URI database = URI.create(compose.environment("processor", SHELL::get).get("DATABASE_URL"));
		int kafkaPort = Integer.parseInt(
				compose.environment("processor", SHELL::get).get("KAFKA_BOOTSTRAP_SERVERS").replaceAll(".*:", ""));
		kafka = KafkaBroker.start(data.resolve("kafka"), List.of("-Xmx384m"), kafkaPort, kafkaPort + 1);
		postgres = startPostgres(data.resolve("postgres"), database.getPort());
		List<String> report = new ArrayList<>();
		Map<String, Long> started = new HashMap<>();
		for (String service : SERVICES) {
			started.put(service, System.nanoTime());
			Podman.run(runArguments(service, image(service)));
		}
		for (String service : SERVICES) {
			ServiceSettings settings = ServiceSettings.of(module(service));
			awaitHealthy("http://127.0.0.1:" + settings.defaultPort() + "/health", service);
			long seconds = (System.nanoTime() - started.get(service)) / 1_000_000;
			long size = Long.parseLong(Podman.run("image", "inspect", "--format", "{{.Size}}", image(service)));
			report.add(String.format("%-10s %-38s %6.0f MB %6.1f s   user %s, read-only root: %s", service,
					image(service), size / 1e6, seconds / 1000.0, Podman.run("exec", PREFIX + service, "id", "-u"),
					Podman.run("inspect", "--format", "{{.HostConfig.ReadonlyRootfs}}", PREFIX + service)));
		}
		startGateway();
		System.out.println("\nThe four services as separate containers (image size, start to /health 200):");
		report.forEach(System.out::println);
	}

	@AfterAll
	static void stopTheSystem() throws Exception {
		for (String service : SERVICES) {
			Podman.Result logs = Podman.attempt(List.of("logs", "--tail", "15", PREFIX + service));
			System.out.println("\n--- last lines of " + service + "'s log:\n" + logs.output());
		}
		removeContainers();
		if (collector != null) {
			collector.stop(0);
		}
		if (postgres != null) {
			postgres.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void losesAndDoublesNothingWhenTheProcessorContainerIsKilledMidStream() throws Exception {
		JsonNode app = createApp("Separate containers");
		String appId = app.get("app_id").asString();
		String apiKey = app.get("api_key").asString();

		List<JsonNode> lifecycle = new ArrayList<>();
		json.readTree(DialpadFixtures.text("call-outbound.json")).get("events").forEach(lifecycle::add);
		String finalState = lifecycle.get(lifecycle.size() - 1).get("state").asString();
		int total = CALLS * lifecycle.size();
		int sent = 0;
		for (JsonNode event : lifecycle) {
			for (int call = 0; call < CALLS; call++) {
				if (sent == total / 3) {
					Podman.run("kill", "--signal", "KILL", PREFIX + "processor");
				}
				if (sent == 2 * total / 3) {
					Podman.run("start", PREFIX + "processor");
				}
				ObjectNode payload = ((ObjectNode) event.deepCopy()).put("call_id", callId(call));
				send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/dialpad/" + appId))
					.header("Content-Type", "application/jwt")
					.POST(HttpRequest.BodyPublishers.ofString(sign(json.writeValueAsString(payload)))), 200);
				sent++;
			}
		}

		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			List<JsonNode> calls = allCalls(apiKey);
			assertThat(calls).extracting((call) -> Long.parseLong(call.get("call_id").asString()))
				.as("each call once, through /api/calls")
				.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, CALLS)
					.mapToObj(SeparateContainersIntegrationTests::callId)
					.toList());
			assertThat(calls).extracting((call) -> call.get("state").asString()).containsOnly(finalState);
		});
		try (Connection connection = connectAsPostgres();
				Statement statement = connection.createStatement();
				ResultSet counts = statement.executeQuery("select count(*), count(distinct content_hash) "
						+ "from webhook_events where app_id = '" + UUID.fromString(appId) + "'")) {
			counts.next();
			assertThat(counts.getInt(1)).as("raw log rows: every accepted event once").isEqualTo(total);
			assertThat(counts.getInt(2)).isEqualTo(total);
		}
		System.out.printf(
				"%nSent %d signed webhooks through the gateway (processor killed after %d, started again "
						+ "after %d): %d calls read back, each once, each %s.%n",
				total, total / 3, 2 * total / 3, CALLS, finalState);
	}

	@Test
	void logsJsonLinesWithTheEventsIdsAndExposesEveryMonitoredMetric() throws Exception {
		JsonNode app = createApp("Monitored containers");
		String appId = app.get("app_id").asString();
		String hook = gateway + "/webhooks/dialpad/" + appId;
		JsonNode event = json.readTree(DialpadFixtures.text("call-outbound.json")).get("events").get(0);
		String traceId = UUID.randomUUID().toString().replace("-", "");
		send(HttpRequest.newBuilder(URI.create(hook))
			.header("Content-Type", "application/jwt")
			.header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01")
			.POST(HttpRequest.BodyPublishers.ofString(sign(json.writeValueAsString(event)))), 200);
		String forged = sign("{}", "not-the-webhook-secret");
		send(HttpRequest.newBuilder(URI.create(hook))
			.header("Content-Type", "application/jwt")
			.POST(HttpRequest.BodyPublishers.ofString(forged)), 401);

		// the image logs ECS JSON, one object a line, with the event's ids as fields
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<JsonNode> refusals = Podman.run("logs", PREFIX + "ingest")
				.lines()
				.filter((line) -> line.startsWith("{") && line.contains("Webhook rejected"))
				.map(json::readTree)
				.filter((line) -> appId.equals(line.path("app_id").asString(null)))
				.toList();
			assertThat(refusals).as("ingest's JSON lines about the forged webhook").isNotEmpty();
			assertThat(refusals.get(0).path("message").asString()).startsWith("Webhook rejected: bad-signature");
		});
		assertThat(Podman.run("logs", PREFIX + "ingest")).doesNotContain(forged)
			.doesNotContain(SHELL.get("DIALPAD_WEBHOOK_SECRET"));

		// the processor container's span of that event is in the webhook request's trace
		// (OTLP/HTTP carries protobuf: the trace id as its 16 raw bytes)
		byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
		byte[] processor = "processor-service".getBytes(StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(exportedSpans).as("spans exported by the processor's container")
				.anySatisfy((body) -> assertThat(contains(body, processor) && contains(body, traceIdBytes)).isTrue()));

		Set<String> used = MonitoredMetrics.used(ServiceSettings.REPOSITORY);
		// the per-partition lag appears at the Kafka binder's first refresh, a minute
		// after the consumer starts (its client-level maximum is there at once)
		used.remove("kafka_consumer_fetch_manager_records_lag");
		// counted when a call to Dialpad fails, with its method and status: no series
		// before that (DialpadClientTests checks it)
		used.remove("cti_admin_dialpad_errors_total");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			Set<String> exposed = new TreeSet<>();
			for (String service : SERVICES) {
				int port = ServiceSettings.of(module(service)).defaultPort();
				exposed.addAll(MonitoredMetrics.exposed(send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET(),
						200)));
			}
			assertThat(exposed).as("metrics exposed by the four containers").containsAll(used);
		});
	}

	private static JsonNode createApp(String name) throws Exception {
		return json.readTree(send(HttpRequest.newBuilder(URI.create(gateway + "/internal/apps"))
			.header("Authorization", "Bearer " + SHELL.get("INTERNAL_API_SECRET"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", name)))), 200));
	}

	private static boolean contains(byte[] body, byte[] part) {
		for (int i = 0; i + part.length <= body.length; i++) {
			if (Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> runArguments(String service, String image) {
		Map<String, Object> definition = compose.service(service);
		List<String> arguments = new ArrayList<>(
				List.of("run", "--detach", "--name", PREFIX + service, "--network", "host"));
		compose.serviceNames().forEach((name) -> arguments.addAll(List.of("--add-host", name + ":127.0.0.1")));
		if (definition.get("mem_limit") != null) {
			arguments.addAll(List.of("--memory", definition.get("mem_limit").toString()));
		}
		if (Boolean.TRUE.equals(definition.get("read_only"))) {
			arguments.add("--read-only");
		}
		if (definition.get("tmpfs") instanceof List<?> tmpfs) {
			tmpfs.forEach((path) -> arguments.addAll(List.of("--tmpfs", path.toString())));
		}
		if (definition.get("volumes") instanceof List<?> volumes) {
			// compose's named volumes become this test's own
			volumes.forEach((volume) -> arguments.addAll(List.of("--volume", PREFIX + volume)));
		}
		compose.environment(service, SHELL::get)
			.forEach((name, value) -> arguments.addAll(List.of("--env", name + "=" + value)));
		if (service.equals("ingest") || service.equals("processor")) {
			// traces exported to the collector on the host (off unless an endpoint is
			// set)
			arguments.addAll(List.of("--env",
					"MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT=http://127.0.0.1:"
							+ collector.getAddress().getPort() + "/v1/traces",
					"--env", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY=1.0"));
		}
		if (service.equals("ingest")) {
			// the fixtures' events carry the timestamps they were recorded with, long
			// past
			// ingest's replay window
			arguments.addAll(List.of("--env", "CTI_INGEST_REPLAY_WINDOW=3650000d"));
		}
		arguments.add(image);
		return arguments;
	}

	private static void startGateway() {
		Map<String, Object> definition = compose.service("gateway");
		String port = ComposeFile.interpolate(((List<?>) definition.get("ports")).get(0).toString(), SHELL::get)
			.replaceAll(":.*", "");
		List<String> arguments = new ArrayList<>(
				List.of("run", "--detach", "--name", PREFIX + "gateway", "--network", "host"));
		compose.serviceNames().forEach((name) -> arguments.addAll(List.of("--add-host", name + ":127.0.0.1")));
		for (Object volume : (List<?>) definition.get("volumes")) {
			String mount = volume.toString();
			arguments.addAll(List.of("--volume",
					ServiceSettings.REPOSITORY.resolve(mount.substring(0, mount.indexOf(':'))).normalize()
							+ mount.substring(mount.indexOf(':'))));
		}
		arguments.addAll(List.of(GATEWAY_IMAGE, "nginx", "-g", "daemon off;"));
		Podman.run(arguments);
		gateway = "http://127.0.0.1:" + port;
		awaitHealthy(gateway + "/health", "gateway");
	}

	private static EmbeddedPostgres startPostgres(Path directory, int port) throws Exception {
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(true)
			.setPort(port)
			.start();
		Map<String, String> settings = compose.environment("postgres", SHELL::get);
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create role " + settings.get("POSTGRES_USER") + " login password '"
					+ settings.get("POSTGRES_PASSWORD") + "'");
			statement
				.execute("create database " + settings.get("POSTGRES_DB") + " owner " + settings.get("POSTGRES_USER"));
		}
		return server;
	}

	private static Connection connectAsPostgres() throws SQLException {
		return DriverManager.getConnection(
				postgres.getJdbcUrl("postgres", compose.environment("postgres", SHELL::get).get("POSTGRES_DB")));
	}

	private static List<JsonNode> allCalls(String apiKey) throws Exception {
		List<JsonNode> calls = new ArrayList<>();
		String cursor = null;
		do {
			String url = gateway + "/api/calls?limit=500" + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode page = json
				.readTree(send(HttpRequest.newBuilder(URI.create(url)).header("x-app-api-key", apiKey).GET(), 200));
			page.get("items").forEach(calls::add);
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString(null);
		}
		while (cursor != null);
		return calls;
	}

	private static String send(HttpRequest.Builder request, int expectedStatus) throws Exception {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(expectedStatus);
		return response.body();
	}

	private static void awaitHealthy(String url, String name) {
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.failFast(name + "'s container stopped", () -> !isRunning(name))
			.until(() -> http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200);
	}

	private static boolean isRunning(String name) {
		Podman.Result state = Podman.attempt(List.of("inspect", "--format", "{{.State.Running}}", PREFIX + name));
		return state.exitCode() == 0 && state.output().strip().equals("true");
	}

	private static void removeContainers() {
		List<String> names = new ArrayList<>(SERVICES);
		names.add("gateway");
		for (String name : names) {
			Podman.attempt(List.of("rm", "--force", "--time", "5", PREFIX + name));
		}
		Podman.attempt(List.of("volume", "rm", "--force", PREFIX + "ingest-spool"));
	}

	private static String sign(String payload) throws Exception {
		return sign(payload, SHELL.get("DIALPAD_WEBHOOK_SECRET"));
	}

	private static String sign(String payload, String secret) throws Exception {
		var encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String body = encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return header + "." + body + "."
				+ encoder.encodeToString(mac.doFinal((header + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

	private static long callId(int call) {
		return 6_900_000_000_000_000L + call;
	}

	private static String module(String service) {
		return ComposeFile.SERVICE_OF_MODULE.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(service))
			.findFirst()
			.orElseThrow()
			.getKey();
	}

	private static String image(String service) {
		return "localhost/cti-" + module(service) + ":" + TAG;
	}

}
