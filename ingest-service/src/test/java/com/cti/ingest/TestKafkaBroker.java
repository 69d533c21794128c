package com.cti.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A single-node KRaft broker in this JVM that can be stopped and started again on the
 * same ports with the same log directory, so that clients see an outage and a recovery of
 * the same cluster (the infra/standalone launcher's approach).
 */
public final class TestKafkaBroker implements AutoCloseable {

	private final Properties properties;

	private final int port;

	private @Nullable KafkaRaftServer server;

	private TestKafkaBroker(Properties properties, int port) {
		this.properties = properties;
		this.port = port;
	}

	public static TestKafkaBroker start() {
		try {
			Path logDir = Files.createTempDirectory("cti-ingest-kafka");
			int port = freePort();
			int controllerPort = freePort();
			Properties props = new Properties();
			props.put("process.roles", "broker,controller");
			props.put("node.id", "1");
			props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
			props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
			props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
			props.put("controller.listener.names", "CONTROLLER");
			props.put("inter.broker.listener.name", "PLAINTEXT");
			props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
			props.put("log.dirs", logDir.toString());
			props.put("offsets.topic.replication.factor", "1");
			props.put("offsets.topic.num.partitions", "1");
			props.put("transaction.state.log.replication.factor", "1");
			props.put("transaction.state.log.min.isr", "1");
			props.put("share.coordinator.state.topic.replication.factor", "1");
			props.put("share.coordinator.state.topic.min.isr", "1");
			props.put("group.initial.rebalance.delay.ms", "0");
			props.put("broker.session.timeout.ms", "3000");
			props.put("broker.heartbeat.interval.ms", "500");
			Path config = logDir.resolve("server.properties");
			try (var out = Files.newOutputStream(config)) {
				props.store(out, "test broker");
			}
			var output = new ByteArrayOutputStream();
			int exit = StorageTool.execute(
					new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString() },
					new PrintStream(output, true, StandardCharsets.UTF_8));
			if (exit != 0) {
				throw new IllegalStateException("Could not format the Kafka log directory: " + output);
			}
			var broker = new TestKafkaBroker(props, port);
			broker.startAgain();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the broker again after {@link #stop()}, with the data it had. */
	public void startAgain() {
		var server = new KafkaRaftServer(KafkaConfig.fromProps(this.properties, false), Time.SYSTEM);
		server.startup();
		this.server = server;
	}

	/** Stops the broker; its port refuses connections until {@link #startAgain()}. */
	public void stop() {
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

	@Override
	public void close() {
		stop();
	}

	public static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
