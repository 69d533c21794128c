package com.cti.bench.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.cti.bench.system.Ports;
import com.cti.bench.system.ServiceProcess;

/**
 * Times {@code ./cti standalone} (the same jar and default JVM options): from launch to
 * its {@code /health} answering 200, first on an empty data directory (PostgreSQL initdb,
 * Kafka format, the migrations), then again on the data the first start left.
 */
final class StandaloneStartup {

	private StandaloneStartup() {
	}

	static Path jar(Path repository) {
		return repository.resolve("infra/standalone/target/cti-standalone.jar");
	}

	/**
	 * @return the time to healthy and the resident memory once healthy, per start
	 */
	static List<Start> measure(Path repository, Path directory) throws IOException {
		Path data = directory.resolve("data");
		Files.createDirectories(data);
		Start first = start(repository, directory, data, 1);
		Start second = start(repository, directory, data, 2);
		return List.of(first, second);
	}

	private static Start start(Path repository, Path directory, Path data, int generation) throws IOException {
		int port = Ports.free();
		var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
				jar(repository).toString());
		Map<String, String> environment = Map.of("PORT", Integer.toString(port), "CTI_DATA_DIR", data.toString(),
				"CTI_POSTGRES_PORT", Integer.toString(Ports.free()), "CTI_KAFKA_PORT", Integer.toString(Ports.free()),
				"CTI_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
		try (var process = ServiceProcess.launch("standalone", command, environment, directory,
				directory.resolve("standalone-" + generation + ".log"), port)) {
			Duration healthy = process.awaitHttpHealthy("/health", Duration.ofMinutes(3));
			return new Start(healthy, process.rssBytes());
		}
	}

	/**
	 * One start.
	 *
	 * @param healthy time from launch to /health answering 200
	 * @param rssBytes resident memory once healthy
	 */
	record Start(Duration healthy, long rssBytes) {
	}

}
