package com.cti.platform;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code cti.metrics.exemplars=false} ({@code CTI_METRICS_EXEMPLARS}), the
 * Prometheus endpoint carries no trace exemplars. By default Boot attaches the current
 * trace to counters and histograms in the OpenMetrics format, and Prometheus before 2.43
 * (Debian bookworm's is 2.42, some managed ones are older) refuses the whole scrape
 * ("metric name ... does not support exemplars"). A span context that never reports a
 * sampled span stands in for Boot's.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration")
@ConditionalOnClass(SpanContext.class)
@ConditionalOnProperty(name = "cti.metrics.exemplars", havingValue = "false")
public class NoExemplarsAutoConfiguration {

	@Bean
	SpanContext noExemplars() {
		return new SpanContext() {

			@Override
			public @Nullable String getCurrentTraceId() {
				return null;
			}

			@Override
			public @Nullable String getCurrentSpanId() {
				return null;
			}

			@Override
			public boolean isCurrentSpanSampled() {
				return false;
			}

			@Override
			public void markCurrentSpanAsExemplar() {
			}

		};
	}

}
