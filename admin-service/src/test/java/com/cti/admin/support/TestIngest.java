package com.cti.admin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.util.UUID;

import com.cti.ingest.IngestApplication;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real ingest service, its own Spring Boot application in the test JVM (as the
 * standalone runs it: its own {@code application.yml}, no database), on a port chosen
 * once so that the admin's context can name it before it runs, against the admin
 * context's broker. The backfill hands its calls to it, so the tests see on Kafka what
 * ingest made of them. Started on first use and restarted when the broker changes or a
 * test stopped it.
 */
public final class TestIngest {

	/** The ingest service's port on 127.0.0.1. */
	public static final int PORT = freePort();

	private static @Nullable ConfigurableApplicationContext context;

	private static @Nullable String brokers;

	private TestIngest() {
	}

	/** The base URL the admin's {@code cti.admin.ingest.url} names. */
	public static String url() {
		return "http://127.0.0.1:" + PORT;
	}

	/** Starts ingest against these brokers, unless it already runs against them. */
	public static synchronized void ensureRunning(String bootstrapServers) {
		if (context != null && context.isActive() && bootstrapServers.equals(brokers)) {
			return;
		}
		stop();
		context = new SpringApplicationBuilder(IngestApplication.class).run(
				"--spring.config.location=" + configLocation(), "--server.port=" + PORT, "--server.address=127.0.0.1",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--cti.required-settings=",
				"--cti.ingest.webhook-secret=admin-tests-ingest-webhook-secret",
				"--cti.ingest.intake.internal-api-secret=" + AdminApi.SECRET,
				"--cti.ingest.spool.directory=target/ingest-spool/" + UUID.randomUUID(),
				"--cti.ingest.status.instance-id=admin-tests-ingest",
				// the admin's dependencies are on the class path too: ingest has no
				// database
				"--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"--logging.include-application-name=false", "--spring.main.banner-mode=off");
		brokers = bootstrapServers;
	}

	/** Stops ingest (a test of what the backfill does while ingest is away). */
	public static synchronized void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	/**
	 * Ingest's own {@code application.yml}, in the jar or classes directory that holds
	 * its application class: {@code classpath:application.yml} is the admin's.
	 */
	private static String configLocation() {
		URL source = IngestApplication.class.getProtectionDomain().getCodeSource().getLocation();
		String base = source.toString();
		return (base.endsWith(".jar") ? "jar:" + base + "!/" : base) + "application.yml";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
