package com.cti.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.cti.kafka.KraftBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./cti standalone}: starts an embedded Kafka broker and an embedded PostgreSQL 17
 * with their data under {@code ./data} (unless {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code DATABASE_URL} point elsewhere), then each of the four services as its own Spring
 * Boot application in this JVM on a loopback port ({@code PORT}+1 to +4), and a reverse
 * proxy on {@code PORT} (4000) that serves every public path. {@code --reset} starts from
 * empty data. Ctrl-C stops everything, proxy and services first.
 */
public final class StandaloneLauncher {

	private final Path dataDirectory;

	private final Map<String, String> environment;

	private @Nullable EmbeddedPostgres postgres;

	private @Nullable KraftBroker kafka;

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private final Map<StandaloneService, Integer> ports = new EnumMap<>(StandaloneService.class);

	private @Nullable StandaloneProxy proxy;

	/**
	 * @param dataDirectory where the embedded Kafka and PostgreSQL keep their data
	 * @param environment settings that win over the process environment (tests)
	 */
	StandaloneLauncher(Path dataDirectory, Map<String, String> environment) {
		this.dataDirectory = dataDirectory;
		this.environment = environment;
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(env(Map.of(), "CTI_DATA_DIR", "data"));
		List<String> arguments = new ArrayList<>();
		for (String arg : args) {
			if ("--reset".equals(arg)) {
				deleteRecursively(data);
			}
			else if (arg.startsWith("--")) {
				arguments.add(arg);
			}
			else {
				System.err.println("usage: ./cti standalone [--reset]");
				System.exit(2);
			}
		}
		var launcher = new StandaloneLauncher(data, Map.of());
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "cti-standalone-shutdown"));
		launcher.start(arguments);
	}

	void start(List<String> arguments) throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(this.dataDirectory);
		// what a deployed service gets as environment variables: the environment wins
		Map<String, String> settings = new LinkedHashMap<>(this.environment);
		Properties secrets = loadOrCreateSecrets();
		for (String secret : List.of("INTERNAL_API_SECRET", "DIALPAD_WEBHOOK_SECRET", "CTI_ENCRYPTION_KEY")) {
			settings.put(secret, env(secret, secrets.getProperty(secret)));
		}
		settings.put("INGEST_SPOOL_DIR", env("INGEST_SPOOL_DIR", this.dataDirectory.resolve("spool").toString()));
		if (env("DATABASE_URL", null) == null && env("DB_HOST", null) == null) {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory.resolve("postgres"))
				.setCleanDataDirectory(false)
				.setPort(Integer.parseInt(env("CTI_POSTGRES_PORT", "15432")))
				.start();
			settings.put("DATABASE_URL", this.postgres.getJdbcUrl("postgres", "postgres"));
			settings.put("DB_USER", "postgres");
		}
		if (env("KAFKA_BOOTSTRAP_SERVERS", null) == null) {
			this.kafka = KraftBroker.start(this.dataDirectory.resolve("kafka"),
					Integer.parseInt(env("CTI_KAFKA_PORT", "19092")),
					Integer.parseInt(env("CTI_KAFKA_CONTROLLER_PORT", "19093")));
			settings.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		}
		int port = Integer.parseInt(env("PORT", "4000"));
		for (StandaloneService service : StandaloneService.values()) {
			var context = service.start(service.port(port), settings, arguments);
			this.services.add(context);
			this.ports.put(service, Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0")));
			if (service == StandaloneService.INGEST) {
				// the admin's backfill hands its calls to ingest's internal intake, on
				// its
				// loopback port (the proxy routes /internal to the admin, never to
				// ingest)
				settings.put("CTI_INGEST_URL",
						env("CTI_INGEST_URL", "http://127.0.0.1:" + this.ports.get(StandaloneService.INGEST)));
			}
		}
		this.proxy = StandaloneProxy.start(port, this.ports);
		printBanner(this.proxy.port(), settings, (System.nanoTime() - started) / 1_000_000);
	}

	/** The port of the proxy that serves every public path. */
	int port() {
		return (this.proxy != null) ? this.proxy.port() : 0;
	}

	/** The loopback port of one service, where its actuator answers. */
	int port(StandaloneService service) {
		return this.ports.getOrDefault(service, 0);
	}

	private void printBanner(int port, Map<String, String> settings, long millis) {
		System.out.printf(
				"""

						  CTI server is ready in %d ms at http://localhost:%s
						    webhooks:   POST http://localhost:%2$s/webhooks/dialpad/{app_id}
						    client API: GET  http://localhost:%2$s/api/calls        (header x-app-api-key)
						    admin API:  POST http://localhost:%2$s/internal/apps    (Authorization: Bearer <INTERNAL_API_SECRET>)
						    health:     GET  http://localhost:%2$s/health
						  INTERNAL_API_SECRET=%s
						  DIALPAD_WEBHOOK_SECRET=%s
						  Kafka: %s   PostgreSQL: %s   data: %s
						  Ctrl-C stops everything.

						""",
				millis, port, settings.get("INTERNAL_API_SECRET"), settings.get("DIALPAD_WEBHOOK_SECRET"),
				env("KAFKA_BOOTSTRAP_SERVERS", settings.get("KAFKA_BOOTSTRAP_SERVERS")),
				(this.postgres != null) ? "embedded, port " + this.postgres.getPort() : "from DATABASE_URL",
				this.dataDirectory.toAbsolutePath());
	}

	void stop() {
		if (this.proxy != null) {
			this.proxy.close();
		}
		// in reverse start order: the ingest service last, so that its spool can still be
		// forwarded while the others stop
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).close();
		}
		this.services.clear();
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
		}
	}

	/**
	 * The secrets generated on the first start and reused after it (unless the
	 * environment sets them).
	 */
	private Properties loadOrCreateSecrets() throws IOException {
		Path file = this.dataDirectory.resolve("secrets.properties");
		Properties secrets = new Properties();
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				secrets.load(in);
			}
		}
		int before = secrets.size();
		secrets.putIfAbsent("INTERNAL_API_SECRET", randomSecret());
		secrets.putIfAbsent("DIALPAD_WEBHOOK_SECRET", randomSecret());
		// AES-256 key of the admin service (webhook secrets and OAuth tokens at rest):
		// standard Base64, 32 bytes
		secrets.putIfAbsent("CTI_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(randomBytes()));
		if (secrets.size() != before) {
			try (OutputStream out = Files.newOutputStream(file)) {
				secrets.store(out, "Generated by ./cti standalone; the environment overrides them");
			}
		}
		return secrets;
	}

	private static String randomSecret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private @Nullable String env(String name, @Nullable String fallback) {
		return env(this.environment, name, fallback);
	}

	private static @Nullable String env(Map<String, String> overrides, String name, @Nullable String fallback) {
		String value = overrides.getOrDefault(name, System.getenv(name));
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
