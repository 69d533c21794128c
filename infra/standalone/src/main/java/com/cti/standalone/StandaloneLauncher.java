package com.cti.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./cti standalone}: starts an embedded Kafka broker and an embedded PostgreSQL 17
 * with their data under {@code ./data} (unless {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code DATABASE_URL} point elsewhere), then all four services on one port.
 * {@code --reset} starts from empty data. Ctrl-C stops everything, services first.
 */
public final class StandaloneLauncher {

	private final Path dataDirectory;

	private @Nullable EmbeddedPostgres postgres;

	private @Nullable EmbeddedKafka kafka;

	private @Nullable ConfigurableApplicationContext context;

	StandaloneLauncher(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(env("CTI_DATA_DIR", "data"));
		for (String arg : args) {
			if ("--reset".equals(arg)) {
				deleteRecursively(data);
			}
			else if (!arg.startsWith("--")) {
				System.err.println("usage: ./cti standalone [--reset]");
				System.exit(2);
			}
		}
		var launcher = new StandaloneLauncher(data);
		Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "cti-standalone-shutdown"));
		launcher.start(args);
	}

	void start(String[] args) throws IOException {
		long started = System.nanoTime();
		Files.createDirectories(this.dataDirectory);
		Map<String, String> settings = new LinkedHashMap<>();
		Properties secrets = loadOrCreateSecrets();
		settings.put("INTERNAL_API_SECRET", env("INTERNAL_API_SECRET", secrets.getProperty("INTERNAL_API_SECRET")));
		settings.put("DIALPAD_WEBHOOK_SECRET",
				env("DIALPAD_WEBHOOK_SECRET", secrets.getProperty("DIALPAD_WEBHOOK_SECRET")));
		settings.put("CTI_ENCRYPTION_KEY", env("CTI_ENCRYPTION_KEY", secrets.getProperty("CTI_ENCRYPTION_KEY")));
		if (System.getenv("DATABASE_URL") == null && System.getenv("DB_HOST") == null) {
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory.resolve("postgres"))
				.setCleanDataDirectory(false)
				.setPort(Integer.parseInt(env("CTI_POSTGRES_PORT", "15432")))
				.start();
			settings.put("DATABASE_URL", this.postgres.getJdbcUrl("postgres", "postgres"));
			settings.put("DB_USER", "postgres");
		}
		if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null) {
			this.kafka = EmbeddedKafka.start(this.dataDirectory.resolve("kafka"),
					Integer.parseInt(env("CTI_KAFKA_PORT", "19092")),
					Integer.parseInt(env("CTI_KAFKA_CONTROLLER_PORT", "19093")));
			settings.put("KAFKA_BOOTSTRAP_SERVERS", this.kafka.bootstrapServers());
		}
		settings.forEach(System::setProperty);
		this.context = new SpringApplicationBuilder(StandaloneApplication.class).registerShutdownHook(false).run(args);
		String port = this.context.getEnvironment().getProperty("local.server.port");
		printBanner(port, settings, (System.nanoTime() - started) / 1_000_000);
	}

	private void printBanner(@Nullable String port, Map<String, String> settings, long millis) {
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
				System.getProperty("KAFKA_BOOTSTRAP_SERVERS", System.getenv("KAFKA_BOOTSTRAP_SERVERS")),
				(this.postgres != null) ? "embedded, port " + this.postgres.getPort() : "from DATABASE_URL",
				this.dataDirectory.toAbsolutePath());
	}

	void stop() {
		if (this.context != null) {
			this.context.close();
		}
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

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
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
