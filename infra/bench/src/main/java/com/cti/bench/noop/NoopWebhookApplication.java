package com.cti.bench.noop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ingest ceiling: a Spring Boot MVC app on the same HTTP stack as the ingest service
 * (embedded Tomcat, Spring MVC, Jackson, actuator), whose webhook endpoint reads the body
 * and answers 200 without doing anything. Run by the harness as its own process with the
 * services' JVM options.
 */
@SpringBootApplication
public class NoopWebhookApplication {

	public static void main(String[] args) {
		SpringApplication.run(NoopWebhookApplication.class, args);
	}

}
