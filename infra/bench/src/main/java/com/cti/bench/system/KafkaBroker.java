package com.cti.bench.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.cti.kafka.KraftBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The single-node Kafka broker of {@code ./cti standalone} ({@link KraftBroker}: KRaft,
 * combined broker and controller) as its own process, started from the jars on the
 * harness's classpath.
 */
public final class KafkaBroker implements Closeable {

	private final ServiceProcess process;

	private final String bootstrapServers;

	private KafkaBroker(ServiceProcess process, String bootstrapServers) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	public static KafkaBroker start(Path directory, List<String> jvmOptions) throws IOException {
		return start(directory, jvmOptions, Ports.free(), Ports.free());
	}

	/** A broker listening on the given ports of 127.0.0.1. */
	public static KafkaBroker start(Path directory, List<String> jvmOptions, int port, int controllerPort)
			throws IOException {
		Files.createDirectories(directory);
		Path logback = writeLogbackConfiguration(directory);
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", Classpath.absolute(),
				KraftBroker.class.getName(), directory.resolve("logs").toString(), Integer.toString(port),
				Integer.toString(controllerPort)));
		var process = ServiceProcess.launch("kafka", command, Map.of(), directory, directory.resolve("kafka.log"),
				port);
		var broker = new KafkaBroker(process, "127.0.0.1:" + port);
		process.awaitReady(() -> broker.answers(), Duration.ofSeconds(90));
		return broker;
	}

	private boolean answers() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
	}

	private static Path writeLogbackConfiguration(Path directory) throws IOException {
		Path file = directory.resolve("broker-logback.xml");
		Files.writeString(file, """
				<configuration>
				  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
				  </appender>
				  <root level="WARN"><appender-ref ref="OUT"/></root>
				  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
				  <logger name="kafka.server.BrokerServer" level="INFO"/>
				</configuration>
				""");
		return file;
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	public ServiceProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.close();
	}

}
