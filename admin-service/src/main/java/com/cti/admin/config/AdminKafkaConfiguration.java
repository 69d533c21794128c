package com.cti.admin.config;

import java.util.Map;

import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * What the admin service publishes: per-app webhook secrets (for the ingest service) and
 * re-published or backfilled events (for the processor), with the same durability
 * settings as the ingest service.
 */
@Configuration(proxyBeanMethods = false)
class AdminKafkaConfiguration {

	@Bean
	KafkaTemplate<String, Object> adminKafkaTemplate(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		var template = new KafkaTemplate<String, Object>(new DefaultKafkaProducerFactory<>(config,
				new StringSerializer(), new JacksonJsonSerializer<>().noTypeInfo()));
		// the values include webhook secrets: a failed send is logged without them
		var listener = new LoggingProducerListener<String, Object>();
		listener.setIncludeContents(false);
		template.setProducerListener(listener);
		return template;
	}

	@Bean
	NewTopic adminWebhookSecretsTopic() {
		return CtiTopics.webhookSecrets();
	}

	/** Purge commands for the processor. */
	@Bean
	NewTopic adminAppCommandsTopic() {
		return CtiTopics.appCommands();
	}

	/** The ingest instances' status reports, read by the pipeline status. */
	@Bean
	NewTopic adminIngestStatusTopic() {
		return CtiTopics.ingestStatus();
	}

}
