package com.cti.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Stops start-up with a message naming every missing required setting. A service lists
 * its required settings in {@code cti.required-settings} as
 * {@code ENV_NAME=spring.property}: the environment variable a user sets and the property
 * it feeds (which a test or launcher may set directly).
 */
public class RequiredSettingsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String[] required = environment.getProperty("cti.required-settings", String[].class, new String[0]);
		List<String> missing = new ArrayList<>();
		for (String entry : required) {
			String[] parts = entry.trim().split("=", 2);
			String property = (parts.length == 2) ? parts[1].trim() : parts[0].trim();
			if (!StringUtils.hasText(environment.getProperty(property))) {
				missing.add(parts[0].trim());
			}
		}
		if (!missing.isEmpty()) {
			throw new MissingRequiredSettingsException(missing);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
