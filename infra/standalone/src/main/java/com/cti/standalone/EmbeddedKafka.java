package com.cti.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) running inside this
 * JVM, with its log under the given directory so that topics and offsets outlive a
 * restart.
 */
final class EmbeddedKafka implements AutoCloseable {

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	static EmbeddedKafka start(Path dataDirectory, int brokerPort, int controllerPort) throws IOException {
		Files.createDirectories(dataDirectory);
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("log.dirs", dataDirectory.toAbsolutePath().toString());
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "6");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("auto.create.topics.enable", "false");
		props.put("num.partitions", "6");
		// a restart after a crash waits for the old broker registration to expire: keep
		// that short
		props.put("broker.session.timeout.ms", "3000");
		props.put("broker.heartbeat.interval.ms", "500");
		Path config = dataDirectory.resolve("server.properties");
		try (var out = Files.newOutputStream(config)) {
			props.store(out, "written by the CTI standalone launcher");
		}
		if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
			format(config);
		}
		var server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
		server.startup();
		return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
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

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
