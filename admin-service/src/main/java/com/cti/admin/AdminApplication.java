package com.cti.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The {@code /internal} admin API: apps, API keys, Dialpad webhooks and subscriptions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminApplication {

	public static void main(String[] args) {
		SpringApplication.run(AdminApplication.class, args);
	}

}
