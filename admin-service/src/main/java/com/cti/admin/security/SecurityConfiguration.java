package com.cti.admin.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Guards every {@code /internal} path with the internal Bearer secret.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	FilterRegistrationBean<InternalAuthenticationFilter> internalAuthenticationFilter(AdminProperties properties) {
		var registration = new FilterRegistrationBean<>(
				new InternalAuthenticationFilter(properties.internalApiSecret()));
		registration.addUrlPatterns("/internal/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
