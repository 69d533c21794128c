package com.cti.standalone;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cti.admin.AdminApplication;
import com.cti.ingest.IngestApplication;
import com.cti.processor.ProcessorApplication;
import com.cti.query.QueryApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services as {@code ./cti standalone} runs them: each its own Spring Boot
 * application (sibling contexts, no shared beans) on its own loopback port, with its own
 * {@code application.yml} and the settings it gets when deployed. What the standalone
 * adapts is only what one class path for four services needs: each service reads its own
 * {@code application.yml} (they all have the same name), and switches off what the other
 * services' dependencies bring in (ingest has no database, query no Kafka, only query has
 * the OpenAPI document). Each migrates its own tables (a data directory of the shared
 * scripts of before too). In start order: ingest first (it needs no database, and the
 * admin's backfill hands its calls to it), then admin, since the processor and the query
 * service wait for the tables of the services they read.
 */
enum StandaloneService {

	INGEST(IngestApplication.class, 1,
			"--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
					+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false"),

	ADMIN(AdminApplication.class, 3, "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false"),

	PROCESSOR(ProcessorApplication.class, 4, "--springdoc.api-docs.enabled=false",
			"--springdoc.swagger-ui.enabled=false"),

	QUERY(QueryApplication.class, 2,
			"--spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

	private final Class<?> application;

	private final int portOffset;

	private final List<String> arguments;

	StandaloneService(Class<?> application, int portOffset, String... arguments) {
		this.application = application;
		this.portOffset = portOffset;
		this.arguments = List.of(arguments);
	}

	/** The service's port: the standalone's port plus an offset, or any when 0. */
	int port(int standalonePort) {
		return (standalonePort != 0) ? standalonePort + this.portOffset : 0;
	}

	/**
	 * Starts the service.
	 * @param port its port on 127.0.0.1
	 * @param settings what the deployed service gets as environment variables (the
	 * environment wins over them)
	 * @param userArguments the command line of {@code ./cti standalone}
	 */
	ConfigurableApplicationContext start(int port, Map<String, ?> settings, List<String> userArguments) {
		List<String> arguments = new ArrayList<>(List.of("--spring.config.location=" + configLocation(),
				"--server.port=" + port, "--server.address=127.0.0.1",
				// the proxy on the standalone's port sets X-Forwarded-For; the
				// service trusts it from the proxy's address only
				"--server.forward-headers-strategy=native", "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
				// one logging system for the four: it would name them all after the first
				"--logging.include-application-name=false"));
		arguments.addAll(this.arguments);
		arguments.addAll(userArguments);
		return new SpringApplicationBuilder(this.application).properties(Map.copyOf(settings))
			.registerShutdownHook(false)
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * The service's own {@code application.yml}: in the jar (or classes directory) that
	 * holds its application class, since {@code classpath:application.yml} would find the
	 * first of the four.
	 */
	private String configLocation() {
		URL source = this.application.getProtectionDomain().getCodeSource().getLocation();
		String base = source.toString();
		if (base.endsWith(".jar")) {
			base = "jar:" + base + "!/";
		}
		return base + "application.yml";
	}

}
