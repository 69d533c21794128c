package com.cti.bench.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cti.bench.noop.NoopWebhookApplication;
import com.cti.bench.system.Classpath;
import com.cti.bench.system.Ports;
import com.cti.bench.system.ServiceProcess;

/**
 * Starts the no-op webhook endpoint as its own process, with the services' JVM options.
 */
final class NoopServer {

	private NoopServer() {
	}

	static ServiceProcess start(Path directory, List<String> jvmOptions) throws IOException {
		int port = Ports.free();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", Classpath.absolute(), NoopWebhookApplication.class.getName(),
				"--server.port=" + port, "--spring.main.banner-mode=off", "--server.shutdown=graceful",
				"--management.endpoints.web.exposure.include=health,info,metrics"));
		var process = ServiceProcess.launch("noop", command, Map.of(), directory, directory.resolve("noop.log"), port);
		process.awaitHttpHealthy("/health", Duration.ofMinutes(2));
		return process;
	}

}
