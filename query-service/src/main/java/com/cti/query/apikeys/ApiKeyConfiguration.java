package com.cti.query.apikeys;

import com.cti.query.ratelimit.RequestThrottle;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Guards every {@code /api} path with the API key filter.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

	@Bean
	FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(ApiKeyLookup lookup,
			RequestThrottle throttle, ApiKeyUsageRecorder usage) {
		var registration = new FilterRegistrationBean<>(new ApiKeyAuthenticationFilter(lookup, throttle, usage));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
