package com.cti.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RequiredSettingsEnvironmentPostProcessorTests {

	private final RequiredSettingsEnvironmentPostProcessor processor = new RequiredSettingsEnvironmentPostProcessor();

	@Test
	void namesEveryMissingSetting() {
		var environment = new MockEnvironment()
			.withProperty("cti.required-settings",
					"KAFKA_BOOTSTRAP_SERVERS=spring.kafka.bootstrap-servers, DATABASE_URL=spring.datasource.url,"
							+ " INTERNAL_API_SECRET=cti.admin.internal-api-secret")
			.withProperty("spring.datasource.url", "jdbc:postgresql://h/d");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("KAFKA_BOOTSTRAP_SERVERS, INTERNAL_API_SECRET")
			.withMessageNotContaining("DATABASE_URL");
	}

	@Test
	void passesWhenEverySettingIsPresent() {
		var environment = new MockEnvironment()
			.withProperty("cti.required-settings", "KAFKA_BOOTSTRAP_SERVERS=spring.kafka.bootstrap-servers")
			.withProperty("spring.kafka.bootstrap-servers", "localhost:9092");

		assertThatNoException()
			.isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()));
	}

}
