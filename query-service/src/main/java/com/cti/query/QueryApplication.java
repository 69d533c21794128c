package com.cti.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The client API under {@code /api}: calls, active calls, messages and voicemails of the
 * caller's app.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApplication {

	public static void main(String[] args) {
		SpringApplication.run(QueryApplication.class, args);
	}

}
