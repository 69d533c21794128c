package com.cti.ingest.config;

import java.util.Map;

import com.cti.model.DialpadEventReceived;
import com.cti.model.IngestStatus;
import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The event producer, with its durability settings written out rather than left to
 * defaults: every in-sync replica acknowledges ({@code acks=all}), the idempotent
 * producer keeps retries from duplicating or reordering, and blocking is bounded so a
 * request never waits past Dialpad's 5 s. Also the topics the ingest service writes and
 * reads.
 */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

	@Bean
	KafkaTemplate<String, DialpadEventReceived> ingestEventKafkaTemplate(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
		// a send gives up (and its future fails) before the webhook's wait ends, so that
		// a
		// spooled event is not also delivered later by the producer
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		var factory = new DefaultKafkaProducerFactory<String, DialpadEventReceived>(config, new StringSerializer(),
				new JacksonJsonSerializer<DialpadEventReceived>().noTypeInfo());
		factory.setPhysicalCloseTimeout(5);
		// with an override the template owns its producer and closes (flushes) it at
		// shutdown
		var template = new KafkaTemplate<>(factory, Map.of(ProducerConfig.CLIENT_ID_CONFIG, "cti-ingest-events"));
		// failures are handled and logged by the publisher, without the event's contents
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	/**
	 * The producer of the status reports: separate from the events' producer so that a
	 * report never queues behind (or ahead of) an event, leader acknowledgement only (a
	 * lost report is replaced by the next), and short timeouts.
	 */
	@Bean
	KafkaTemplate<String, IngestStatus> ingestStatusKafkaTemplate(KafkaProperties kafkaProperties) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
		var factory = new DefaultKafkaProducerFactory<String, IngestStatus>(config, new StringSerializer(),
				new JacksonJsonSerializer<IngestStatus>().noTypeInfo());
		factory.setPhysicalCloseTimeout(2);
		var template = new KafkaTemplate<>(factory, Map.of(ProducerConfig.CLIENT_ID_CONFIG, "cti-ingest-status"));
		// failures are handled and logged by the reporter, once per outage
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	NewTopic ingestDialpadEventsTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEvents(partitions);
	}

	/** Written by the admin service, read here: declared by both. */
	@Bean
	NewTopic ingestWebhookSecretsTopic() {
		return CtiTopics.webhookSecrets();
	}

	/** The instances' status reports, read by the admin service. */
	@Bean
	NewTopic ingestStatusTopic() {
		return CtiTopics.ingestStatus();
	}

}
