package com.cti.admin.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void refusesASecretShorterThan32CharactersOutsideDevMode() {
		this.runner.withPropertyValues("INTERNAL_API_SECRET=" + "s".repeat(31)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("INTERNAL_API_SECRET must be at least 32 characters")
				.hasMessageContaining("CTI_DEV_MODE=true")
				.hasMessageNotContaining("s".repeat(31));
		});
	}

	@Test
	void acceptsASecretOf32Characters() {
		this.runner.withPropertyValues("INTERNAL_API_SECRET=" + "s".repeat(32)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AdminProperties.class).devMode()).isFalse();
		});
	}

	@Test
	void acceptsAShortSecretInDevModeSetThroughTheEnvironmentVariable() {
		this.runner.withPropertyValues("INTERNAL_API_SECRET=short", "CTI_DEV_MODE=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(AdminProperties.class).devMode()).isTrue();
		});
	}

	@Test
	void acceptsAShortSecretInDevModeSetThroughTheProperty() {
		this.runner.withPropertyValues("cti.admin.internal-api-secret=short", "cti.admin.dev-mode=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesABlankSecretEvenInDevMode() {
		this.runner.withPropertyValues("INTERNAL_API_SECRET= ", "CTI_DEV_MODE=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("INTERNAL_API_SECRET must be set");
		});
	}

	@Test
	void bindsTheFailedAuthenticationLimitWithDefaults() {
		this.runner.withPropertyValues("INTERNAL_API_SECRET=" + "s".repeat(40)).run((context) -> {
			AdminProperties properties = context.getBean(AdminProperties.class);
			assertThat(properties.authFailures().maxAttempts()).isEqualTo(10);
			assertThat(properties.authFailures().period()).hasMinutes(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AdminProperties.class)
	static class PropertiesConfiguration {

	}

}
