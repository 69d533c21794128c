package com.cti.platform;

import java.time.Clock;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import tools.jackson.databind.PropertyNamingStrategies;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Adds {@code GET /health}, the Kafka health indicator, the API's JSON conventions
 * (snake_case field names), ProblemDetail bodies for unknown paths and methods, for
 * wildcard content types and for what Tomcat itself refuses, and the {@link Clock} that
 * every CTI service takes the time from (a test replaces it with a fixed one) to every
 * CTI service.
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
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ContentTypeFilter ctiContentTypeFilter() {
		return new ContentTypeFilter();
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class TomcatProblemConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
			return new ProblemErrorReportValveCustomizer();
		}

	}

	/**
	 * Puts {@link ProblemErrorReportValve} in place of the error report valves of the
	 * host: Boot's own (added by its customizer, which therefore goes first) and the one
	 * Tomcat would add at start-up.
	 */
	static class ProblemErrorReportValveCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
