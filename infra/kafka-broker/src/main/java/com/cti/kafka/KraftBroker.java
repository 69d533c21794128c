package com.cti.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) in this JVM, on
 * fixed ports of 127.0.0.1, its log in a directory that is formatted once and kept, so
 * that topics and offsets outlive a restart. It can be stopped and started again, so that
 * clients see an outage and a recovery of the same cluster. {@link #main} runs it as a
 * process of its own.
 */
public final class KraftBroker implements AutoCloseable {

	private final Map<String, String> settings;

	private final int port;

	private @Nullable KafkaRaftServer server;

	private KraftBroker(Map<String, String> settings, int port) {
		this.settings = settings;
		this.port = port;
	}

	/**
	 * Starts a broker on the given ports, formatting the log directory on its first
	 * start.
	 */
	public static KraftBroker start(Path logDirectory, int port, int controllerPort) {
		Map<String, String> settings = settings(logDirectory, port, controllerPort);
		try {
			Files.createDirectories(logDirectory);
			Path config = logDirectory.resolve("server.properties");
			Properties properties = new Properties();
			properties.putAll(settings);
			try (OutputStream out = Files.newOutputStream(config)) {
				properties.store(out, "written by the CTI Kafka broker");
			}
			if (!Files.exists(logDirectory.resolve("meta.properties"))) {
				format(config);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var broker = new KraftBroker(settings, port);
		broker.startAgain();
		return broker;
	}

	/**
	 * Starts a broker on free ports with its log in a new temporary directory (for
	 * tests).
	 */
	public static KraftBroker startTemporary() {
		try {
			return start(Files.createTempDirectory("cti-kafka"), freePort(), freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Map<String, String> settings(Path logDirectory, int port, int controllerPort) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("log.dirs", logDirectory.toAbsolutePath().toString());
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "6");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		settings.put("group.initial.rebalance.delay.ms", "0");
		// the services declare their topics: a typo in a topic name fails instead of
		// creating a topic nobody reads
		settings.put("auto.create.topics.enable", "false");
		settings.put("num.partitions", "6");
		// a restart after a crash waits for the old broker registration to expire: keep
		// that short
		settings.put("broker.session.timeout.ms", "3000");
		settings.put("broker.heartbeat.interval.ms", "500");
		return settings;
	}

	private static void format(Path config) {
		var output = new ByteArrayOutputStream();
		int exit = StorageTool.execute(
				new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exit != 0) {
			throw new IllegalStateException("Could not format the Kafka log directory: " + output);
		}
	}

	/** Starts the broker again after {@link #stop()}, with the data it had. */
	public synchronized void startAgain() {
		var properties = new Properties();
		properties.putAll(this.settings);
		var server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		this.server = server;
	}

	/** Stops the broker; its port refuses connections until {@link #startAgain()}. */
	public synchronized void stop() {
		KafkaRaftServer server = this.server;
		if (server != null) {
			server.shutdown();
			server.awaitShutdown();
			this.server = null;
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** The broker's configuration, as written to {@code server.properties}. */
	public Map<String, String> settings() {
		return Map.copyOf(this.settings);
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Runs a broker as a process of its own until it is terminated:
	 * {@code <log directory> <port> <controller port>}.
	 */
	public static void main(String[] args) throws InterruptedException {
		if (args.length != 3) {
			System.err.println("usage: KraftBroker <log directory> <port> <controller port>");
			System.exit(2);
		}
		var broker = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
		var stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			broker.close();
			stopped.countDown();
		}, "kafka-shutdown"));
		System.out.println("Kafka Server started on " + broker.bootstrapServers());
		stopped.await();
	}

}
