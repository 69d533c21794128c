package com.cti.admin.security;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Guards every {@code /internal} path with the internal Bearer secret, rate limiting
 * failed attempts per source address.
 */
@Configuration(proxyBeanMethods = false)
class InternalApiSecurityConfiguration {

	@Bean
	FilterRegistrationBean<InternalAuthenticationFilter> internalAuthenticationFilter(AdminProperties properties,
			MeterRegistry meters) {
		var limiter = new FailedAuthenticationLimiter(properties.authFailures().maxAttempts(),
				properties.authFailures().period(), TimeMeter.SYSTEM_MILLISECONDS);
		var registration = new FilterRegistrationBean<>(
				new InternalAuthenticationFilter(properties.internalApiSecret(), limiter, meters));
		registration.addUrlPatterns("/internal/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
