package com.cti.bench.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.cti.model.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system under test for one run: PostgreSQL, a Kafka broker process and each service
 * as its own process ({@code java -jar <module>-exec.jar}), with fresh secrets and free
 * ports.
 */
public final class BenchSystem implements Closeable {

	/** The processor's consumer group (its default {@code cti.processor.group-id}). */
	public static final String PROCESSOR_GROUP = "cti-processor";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SystemSettings settings;

	private final Path runDirectory;

	private final PostgresServer postgres;

	private final KafkaBroker kafka;

	private final String webhookSecret = randomSecret();

	private final String internalSecret = randomSecret();

	/**
	 * CTI_ENCRYPTION_KEY of admin and ingest: the webhook secrets travel sealed with it.
	 */
	private final String encryptionKey = java.util.Base64.getEncoder()
		.encodeToString(new java.security.SecureRandom().generateSeed(32));

	private final Map<Service, ServiceProcess> services = new ConcurrentHashMap<>();

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, Duration> startupTimes = new EnumMap<>(Service.class);

	private final Map<Service, Double> loggedStartupSeconds = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private boolean closed;

	private BenchSystem(SystemSettings settings, Path runDirectory, PostgresServer postgres, KafkaBroker kafka) {
		this.settings = settings;
		this.runDirectory = runDirectory;
		this.postgres = postgres;
		this.kafka = kafka;
	}

	public static BenchSystem start(SystemSettings settings, Path runDirectory) throws IOException {
		for (Service service : Service.values()) {
			if (!Files.exists(service.jar(settings.repository()))) {
				throw new IllegalStateException(service.jar(settings.repository())
						+ " is missing: build it first (./cti bench builds what is missing)");
			}
		}
		Log.info("starting PostgreSQL 17");
		PostgresServer postgres = PostgresServer.start(runDirectory.resolve("postgres"), settings.postgresSettings());
		Log.info("starting the Kafka broker (its own process)");
		KafkaBroker kafka;
		try {
			kafka = KafkaBroker.start(runDirectory.resolve("kafka"), settings.brokerJvmOptions());
		}
		catch (IOException | RuntimeException ex) {
			postgres.close();
			throw ex;
		}
		var system = new BenchSystem(settings, runDirectory, postgres, kafka);
		try {
			for (Service service : Service.values()) {
				system.startService(service);
			}
		}
		catch (IOException | RuntimeException ex) {
			system.close();
			throw ex;
		}
		return system;
	}

	/** Starts a service and waits until its {@code /health} answers 200. */
	public ServiceProcess startService(Service service) throws IOException {
		int port = this.ports.computeIfAbsent(service, (s) -> Ports.free());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		environment.put("DATABASE_URL", this.postgres.jdbcUrl());
		environment.put("DB_USER", "postgres");
		environment.put("INTERNAL_API_SECRET", this.internalSecret);
		environment.put("DIALPAD_WEBHOOK_SECRET", this.webhookSecret);
		environment.put("PORT", Integer.toString(port));
		environment.put("CTI_DEV_MODE", "true");
		environment.put("CTI_ENCRYPTION_KEY", this.encryptionKey);
		// the bench replays recorded Dialpad events, whose timestamps may be older than
		// ingest's replay window
		environment.put("CTI_INGEST_REPLAY_WINDOW", "3650000d");
		if (service == Service.ADMIN) {
			// the backfill hands its calls to ingest's internal intake (Bearer
			// INTERNAL_API_SECRET, which ingest gets too); ingest's port is chosen
			// here when ingest has not started yet
			environment.put("CTI_INGEST_URL",
					"http://127.0.0.1:" + this.ports.computeIfAbsent(Service.INGEST, (s) -> Ports.free()));
		}
		environment.putAll(this.settings.serviceEnvironment());
		List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
		command.addAll(this.settings.serviceJvmOptions());
		command.addAll(List.of("-jar", service.jar(this.settings.repository()).toString()));
		Path directory = this.runDirectory.resolve(service.label());
		int generation = this.startupTimes.containsKey(service) ? 2 : 1;
		Log.info("starting the %s service", service.label());
		var process = ServiceProcess.launch(service.label(), command, environment, directory,
				directory.resolve(service.label() + "-" + generation + ".log"), port);
		this.services.put(service, process);
		Duration started = process.awaitHttpHealthy("/health", Duration.ofMinutes(3));
		Log.info("%s is healthy after %.1f s", service.label(), started.toMillis() / 1000.0);
		this.startupTimes.putIfAbsent(service, started);
		process.loggedStartSeconds().ifPresent((s) -> this.loggedStartupSeconds.putIfAbsent(service, s));
		return process;
	}

	public void stopService(Service service) {
		ServiceProcess process = this.services.remove(service);
		if (process != null) {
			process.close();
		}
	}

	public String baseUrl(Service service) {
		return "http://127.0.0.1:" + this.ports.get(service);
	}

	public int port(Service service) {
		return this.ports.get(service);
	}

	/** The processes whose memory is sampled: the services and the broker. */
	public Map<String, ServiceProcess> processes() {
		Map<String, ServiceProcess> processes = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			ServiceProcess process = this.services.get(service);
			if (process != null) {
				processes.put(service.label(), process);
			}
		}
		processes.put("kafka", this.kafka.process());
		return processes;
	}

	/** Time from launch to the first healthy answer, from each service's first start. */
	public Map<Service, Duration> startupTimes() {
		return Map.copyOf(this.startupTimes);
	}

	public Map<Service, Double> loggedStartupSeconds() {
		return Map.copyOf(this.loggedStartupSeconds);
	}

	/** Creates apps through the admin service. */
	public List<AppCredentials> createApps(String prefix, int count) throws IOException, InterruptedException {
		List<AppCredentials> apps = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			var request = HttpRequest.newBuilder(URI.create(baseUrl(Service.ADMIN) + "/internal/apps"))
				.header("Authorization", "Bearer " + this.internalSecret)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + prefix + "-" + i + "\"}"))
				.timeout(Duration.ofSeconds(10))
				.build();
			var response = this.http.send(request, BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						"the admin service refused to create an app: " + response.statusCode() + " " + response.body());
			}
			JsonNode body = JSON.readTree(response.body());
			apps.add(
					new AppCredentials(UUID.fromString(body.get("app_id").asString()), body.get("api_key").asString()));
		}
		return apps;
	}

	public ConsumerLag consumerLag() {
		return new ConsumerLag(this.kafka.bootstrapServers(), PROCESSOR_GROUP, Topics.DIALPAD_EVENTS);
	}

	/** Waits until the processor has applied everything on the topic. */
	public boolean awaitDrained(Duration timeout) {
		try (ConsumerLag lag = consumerLag()) {
			return lag.awaitZero(timeout);
		}
	}

	public Connection db() {
		return this.postgres.connect();
	}

	public PostgresServer postgres() {
		return this.postgres;
	}

	public KafkaBroker kafka() {
		return this.kafka;
	}

	public String webhookSecret() {
		return this.webhookSecret;
	}

	public SystemSettings settings() {
		return this.settings;
	}

	public Path runDirectory() {
		return this.runDirectory;
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<Service> order = new ArrayList<>(List.of(Service.values()));
		java.util.Collections.reverse(order);
		for (Service service : order) {
			stopService(service);
		}
		this.kafka.close();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			Log.info("PostgreSQL did not stop cleanly: %s", ex.getMessage());
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
