package com.cti.processor;

import com.cti.processor.rebuild.RebuildCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes Dialpad events from Kafka into the PostgreSQL projections. With the first
 * argument {@code rebuild}, recomputes every projection from the raw event log and exits
 * instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProcessorApplication {

	public static void main(String[] args) {
		if (RebuildCommand.isRequested(args)) {
			System.exit(RebuildCommand.execute(ProcessorApplication.class, args));
		}
		SpringApplication.run(ProcessorApplication.class, args);
	}

}
