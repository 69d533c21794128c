package com.cti.platform;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class NoExemplarsAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NoExemplarsAutoConfiguration.class));

	@Test
	void reportsNoSampledSpanWhenExemplarsAreOff() {
		this.contexts.withPropertyValues("cti.metrics.exemplars=false").run((context) -> {
			SpanContext spans = context.getBean(SpanContext.class);
			assertThat(spans.isCurrentSpanSampled()).isFalse();
			assertThat(spans.getCurrentTraceId()).isNull();
		});
	}

	@Test
	void leavesBootsExemplarsByDefault() {
		this.contexts.run((context) -> assertThat(context).doesNotHaveBean(SpanContext.class));
		this.contexts.withPropertyValues("cti.metrics.exemplars=true")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanContext.class));
	}

}
