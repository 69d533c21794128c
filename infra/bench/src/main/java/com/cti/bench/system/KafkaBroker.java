package com.cti.bench.system;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) as its own process,
 * started from the Kafka jars on the harness's classpath exactly as
 * {@code kafka-server-start.sh} would ({@code kafka.Kafka server.properties}).
 */
public final class KafkaBroker implements Closeable {

	private final ServiceProcess process;

	private final String bootstrapServers;

	private final Map<String, String> settings;

	private KafkaBroker(ServiceProcess process, String bootstrapServers, Map<String, String> settings) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
		this.settings = settings;
	}

	public static KafkaBroker start(Path directory, List<String> jvmOptions) throws IOException {
		return start(directory, jvmOptions, Ports.free(), Ports.free());
	}

	/** A broker listening on the given ports of 127.0.0.1. */
	public static KafkaBroker start(Path directory, List<String> jvmOptions, int port, int controllerPort)
			throws IOException {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
		settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("log.dirs", directory.resolve("logs").toAbsolutePath().toString());
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		settings.put("auto.create.topics.enable", "false");
		Files.createDirectories(directory);
		Path config = directory.resolve("server.properties");
		Properties properties = new Properties();
		properties.putAll(settings);
		try (OutputStream out = Files.newOutputStream(config)) {
			properties.store(out, "written by the CTI benchmark harness");
		}
		Path logback = writeLogbackConfiguration(directory);
		String classpath = Classpath.absolute();
		format(directory, classpath, config);
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(jvmOptions);
		command.addAll(
				List.of("-Dlogback.configurationFile=" + logback, "-cp", classpath, "kafka.Kafka", config.toString()));
		var process = ServiceProcess.launch("kafka", command, Map.of(), directory, directory.resolve("kafka.log"),
				port);
		String bootstrap = "127.0.0.1:" + port;
		var broker = new KafkaBroker(process, bootstrap, settings);
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

	private static void format(Path directory, String classpath, Path config) throws IOException {
		var command = List.of(javaExecutable(), "-cp", classpath, "kafka.tools.StorageTool", "format", "--standalone",
				"-t", Uuid.randomUuid().toString(), "-c", config.toString());
		Path log = directory.resolve("format.log");
		Process format = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("formatting the Kafka log directory failed:\n" + Files.readString(log));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
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

	public Map<String, String> settings() {
		return this.settings;
	}

	@Override
	public void close() {
		this.process.close();
	}

}
