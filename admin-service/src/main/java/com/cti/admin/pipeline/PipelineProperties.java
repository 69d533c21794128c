package com.cti.admin.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pipeline status.
 *
 * @param consumerGroup the processor's consumer group
 * ({@code cti.admin.pipeline.consumer-group}, default {@code cti-processor})
 * @param kafkaTimeout how long to wait for Kafka's answers
 * ({@code cti.admin.pipeline.kafka-timeout}, default 3 s)
 */
@ConfigurationProperties("cti.admin.pipeline")
record PipelineProperties(@DefaultValue("cti-processor") String consumerGroup,
		@DefaultValue("3s") Duration kafkaTimeout) {
}
