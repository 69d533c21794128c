package com.cti.admin.config;

import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * What the admin service publishes (per-app webhook secrets for the ingest service,
 * backfilled events and the app commands for the processor) goes through Boot's
 * {@code KafkaTemplate}, with the durability settings of {@code spring.kafka.producer.*}
 * in {@code application.yml}. Here: what properties cannot say, and the topics.
 */
@Configuration(proxyBeanMethods = false)
class AdminKafkaConfiguration {

	/** The values include webhook secrets: a failed send is logged without them. */
	@Bean
	LoggingProducerListener<Object, Object> kafkaProducerListener() {
		var listener = new LoggingProducerListener<Object, Object>();
		listener.setIncludeContents(false);
		return listener;
	}

	@Bean
	NewTopic webhookSecretsTopic() {
		return CtiTopics.webhookSecrets();
	}

	/** Commands for the processor: purge an app, replay or assign an event. */
	@Bean
	NewTopic appCommandsTopic() {
		return CtiTopics.appCommands();
	}

	/** The ingest instances' status reports, read by the pipeline status. */
	@Bean
	NewTopic ingestStatusTopic() {
		return CtiTopics.ingestStatus();
	}

}
