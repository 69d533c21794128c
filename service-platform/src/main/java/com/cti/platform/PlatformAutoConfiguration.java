package com.cti.platform;

import java.time.Clock;

import tools.jackson.databind.PropertyNamingStrategies;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Adds {@code GET /health}, the Kafka health indicator, the API's JSON conventions
 * (snake_case field names), ProblemDetail bodies for unknown paths and methods and the
 * {@link Clock} that every CTI service takes the time from (a test replaces it with a
 * fixed one) to every CTI service.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@Import({ HealthController.class, FallbackProblemHandler.class })
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	JsonMapperBuilderCustomizer ctiJsonConventions() {
		return (builder) -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
	}

	@Bean
	HealthMetrics healthMetrics(ObjectProvider<HealthContributorRegistry> contributors,
			ObjectProvider<HealthEndpoint> endpoint) {
		return new HealthMetrics(contributors, endpoint);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaAdmin.class)
	static class KafkaHealthConfiguration {

		@Bean
		@ConditionalOnBean(KafkaAdmin.class)
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
				@Value("${cti.health.kafka-required:true}") boolean required) {
			return new KafkaHealthIndicator(kafkaAdmin, required);
		}

	}

}
