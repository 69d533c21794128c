package com.cti.bench.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process of the system under test (a service, the broker, the no-op endpoint, the
 * standalone launcher), with its output in a log file, its start-up time and its resident
 * memory.
 */
public final class ServiceProcess implements Closeable {

	/**
	 * Variables of the harness's own environment that must not leak into a service (and
	 * every {@code CTI_*}, such as {@code CTI_INGEST_URL}).
	 */
	private static final List<String> CLEARED = List.of("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "DB_HOST", "DB_PORT",
			"DB_USER", "DB_PASSWORD", "DB_NAME", "PORT", "INTERNAL_API_SECRET", "DIALPAD_WEBHOOK_SECRET",
			"DEFAULT_APP_ID", "JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS", "CTI_DATA_DIR");

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private final int port;

	private final long launchedNanos;

	private ServiceProcess(String name, Process process, Path log, int port, long launchedNanos) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.port = port;
		this.launchedNanos = launchedNanos;
	}

	public static ServiceProcess launch(String name, List<String> command, Map<String, String> environment,
			Path workDirectory, Path log, int port) throws IOException {
		Files.createDirectories(workDirectory);
		Files.createDirectories(log.getParent());
		var builder = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		CLEARED.forEach(builder.environment()::remove);
		builder.environment().keySet().removeIf((key) -> key.startsWith("CTI_"));
		builder.environment().putAll(environment);
		long launched = System.nanoTime();
		return new ServiceProcess(name, builder.start(), log, port, launched);
	}

	/**
	 * Waits until {@code GET path} answers 200 and returns the time since launch.
	 */
	public Duration awaitHttpHealthy(String path, Duration timeout) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(2))
			.build();
		return awaitReady(() -> HTTP.send(request, BodyHandlers.discarding()).statusCode() == 200, timeout);
	}

	/** Waits until the check passes and returns the time since launch. */
	public Duration awaitReady(Callable<Boolean> check, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with status " + this.process.exitValue()
						+ " during start-up; its log " + this.log + " ends with:\n" + tail(40));
			}
			try {
				if (Boolean.TRUE.equals(check.call())) {
					return Duration.ofNanos(System.nanoTime() - this.launchedNanos);
				}
			}
			catch (Exception ex) {
				// not ready yet
			}
			sleep(50);
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout.toSeconds() + " s; its log "
				+ this.log + " ends with:\n" + tail(40));
	}

	/** Resident memory (VmRSS) in bytes, or -1 once the process is gone. */
	public long rssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone
		}
		return -1;
	}

	/** The start-up time Spring Boot logged ("Started ... in N seconds"), if it did. */
	public OptionalDouble loggedStartSeconds() {
		try {
			Matcher matcher = STARTED.matcher(Files.readString(this.log, StandardCharsets.UTF_8));
			return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalDouble.empty();
		}
	}

	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/** SIGTERM, then SIGKILL if it has not exited within 30 s. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
