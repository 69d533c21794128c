package com.cti.query.apikeys;

import java.util.List;

import com.cti.query.ratelimit.RequestThrottle;
import org.springdoc.core.utils.SpringDocUtils;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards every {@code /api} path with the API key filter, and hands the caller's app to
 * handlers that declare a {@link CallerApp} parameter (a parameter the API description
 * does not show: the key header is documented as the security scheme).
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerApp.class);
	}

	@Bean
	FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyAuthenticationFilter(ApiKeyLookup lookup,
			RequestThrottle throttle, ApiKeyUsageRecorder usage, MeterRegistry meters) {
		var registration = new FilterRegistrationBean<>(
				new ApiKeyAuthenticationFilter(lookup, throttle, usage, meters));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerAppArgumentResolver());
	}

}
