package com.cti.ingest.config;

import java.util.Map;

import com.cti.model.DialpadEventReceived;
import com.cti.model.IngestStatus;
import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * The ingest service's two producers, both on Boot's producer factory: the events' with
 * the durability settings of {@code spring.kafka.producer.*} in {@code application.yml}
 * ({@code acks=all}, idempotent, bounded waits), and the status reports' with what
 * differs. Also the topics the ingest service writes and reads.
 */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

	/** At shutdown a producer flushes for at most this long (the default is 30 s). */
	@Bean
	DefaultKafkaProducerFactoryCustomizer closeTimeout() {
		return (factory) -> factory.setPhysicalCloseTimeout(5);
	}

	@Bean
	KafkaTemplate<String, DialpadEventReceived> eventKafkaTemplate(
			ProducerFactory<String, DialpadEventReceived> producerFactory,
			@Value("${spring.kafka.template.observation-enabled:false}") boolean observed) {
		// with an override the template owns its producer and closes (flushes) it at
		// shutdown
		var template = new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.CLIENT_ID_CONFIG, "cti-ingest-events")) {

			/**
			 * None: an observed send asks for the cluster id (the span's remote service
			 * name) before it sends, and while Kafka is down that question blocks every
			 * webhook for the admin client's timeout, again on each send.
			 */
			@Override
			protected @Nullable String clusterId() {
				return null;
			}

		};
		// failures are handled and logged by the publisher, without the event's contents
		template.setProducerListener(new ProducerListener<>() {
		});
		// a span per send and the traceparent header on the record (Boot sets it on its
		// own template only)
		template.setObservationEnabled(observed);
		return template;
	}

	/**
	 * The producer of the status reports: separate from the events' producer so that a
	 * report never queues behind (or ahead of) an event, leader acknowledgement only (a
	 * lost report is replaced by the next), and short timeouts.
	 */
	@Bean
	KafkaTemplate<String, IngestStatus> statusKafkaTemplate(ProducerFactory<String, IngestStatus> producerFactory) {
		var template = new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.CLIENT_ID_CONFIG, "cti-ingest-status", ProducerConfig.ACKS_CONFIG, "1",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000));
		// failures are handled and logged by the reporter, once per outage
		template.setProducerListener(new ProducerListener<>() {
		});
		return template;
	}

	@Bean
	NewTopic dialpadEventsTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEvents(partitions);
	}

	/** Written by the admin service, read here: declared by both. */
	@Bean
	NewTopic webhookSecretsTopic() {
		return CtiTopics.webhookSecrets();
	}

	/** The instances' status reports, read by the admin service. */
	@Bean
	NewTopic ingestStatusTopic() {
		return CtiTopics.ingestStatus();
	}

}
