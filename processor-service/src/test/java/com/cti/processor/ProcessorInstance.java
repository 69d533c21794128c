package com.cti.processor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.cti.model.Topics;
import com.cti.platform.TestSchemas;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Whole processor instances for the resilience tests: in this JVM (a Spring application
 * of its own) or in a child JVM that a test can kill.
 */
final class ProcessorInstance {

	static final int PARTITIONS = 3;

	private ProcessorInstance() {
	}

	/**
	 * A broker of its own, with the events topic and its dead-letter topic. The system
	 * property {@code spring.embedded.kafka.brokers}, which every embedded broker
	 * overwrites when it starts, is given back to the shared test context's broker.
	 */
	static EmbeddedKafkaKraftBroker broker() {
		String shared = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		var broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.DIALPAD_EVENTS, Topics.DIALPAD_EVENTS_DLT);
		broker.brokerListProperty("cti.processor.test.private-brokers");
		broker.afterPropertiesSet();
		if (shared != null) {
			System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, shared);
		}
		else {
			System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		}
		return broker;
	}

	/**
	 * Creates the admin service's tables and the processor's, as those services do when
	 * they start.
	 */
	static void migrate(String databaseUrl) {
		TestSchemas.migrate(databaseUrl, "admin", "processor");
	}

	static ConfigurableApplicationContext start(String brokers, String databaseUrl, String... extra) {
		return new SpringApplicationBuilder(ProcessorApplication.class)
			.run(arguments(brokers, databaseUrl, extra).toArray(String[]::new));
	}

	/** Starts a processor in a child JVM, its output going to the given file. */
	static Process startChild(String brokers, String databaseUrl, Path log, String... extra) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						ProcessorApplication.class.getName()));
		command.addAll(arguments(brokers, databaseUrl, extra));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static List<String> arguments(String brokers, String databaseUrl, String... extra) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + brokers, "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--cti.required-settings=",
				"--cti.kafka.partitions=" + PARTITIONS));
		arguments.addAll(List.of(extra));
		return arguments;
	}

	/** The events partitions this instance's consumer holds now. */
	static Collection<TopicPartition> assigned(ConfigurableApplicationContext context) {
		MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("cti-processor");
		Collection<TopicPartition> partitions = (container != null) ? container.getAssignedPartitions() : null;
		return (partitions != null) ? partitions : List.of();
	}

}
