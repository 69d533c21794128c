package com.cti.bench.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the system under test is started.
 *
 * @param repository the checkout (where the services' jars are)
 * @param serviceJvmOptions JVM options of each service (and of the no-op endpoint)
 * @param brokerJvmOptions JVM options of the Kafka broker
 * @param serviceEnvironment extra environment variables for every service
 * @param postgresSettings PostgreSQL settings on top of the harness's defaults
 */
public record SystemSettings(Path repository, List<String> serviceJvmOptions, List<String> brokerJvmOptions,
		Map<String, String> serviceEnvironment, Map<String, String> postgresSettings) {
}
