package com.cti.processor.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.cti.model.Topics;
import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What {@code spring.kafka.*} in {@code application.yml} cannot say. The consumer itself
 * (batch listener, offsets committed after the listener returns, so after the batch's
 * database transaction) is Boot's, from the properties; its error handler retries every
 * failure that reaches the container (the database or the broker down) with backoff for
 * ever: never skipped. Poison records never reach it: the listener records them and sends
 * them to {@code <topic>-dlt} itself, through the recoverer defined here.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

	/** Boot sets it on its listener container factory. */
	@Bean
	DefaultErrorHandler errorHandler(ProcessorProperties properties,
			DeadLetterPublishingRecoverer deadLetterRecoverer) {
		return new DefaultErrorHandler(deadLetterRecoverer, backOff(properties));
	}

	static ExponentialBackOff backOff(ProcessorProperties properties) {
		var backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		return backOff;
	}

	/**
	 * Sends a record to {@link Topics#DIALPAD_EVENTS_DLT}, same partition, with Spring
	 * Kafka's exception headers, through Boot's template (JSON); the original bytes when
	 * the record could not be read.
	 */
	@Bean
	DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<Object, Object> kafkaTemplate,
			KafkaOperations<String, byte[]> rawKafkaTemplate) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, rawKafkaTemplate);
		templates.put(Object.class, kafkaTemplate);
		return new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DIALPAD_EVENTS_DLT, record.partition()));
	}

	/**
	 * Boot's producer with a byte-array value serializer. Declared as
	 * {@link KafkaOperations} so that Boot's own {@link KafkaTemplate} is still created.
	 */
	@Bean
	KafkaOperations<String, byte[]> rawKafkaTemplate(ProducerFactory<String, byte[]> producerFactory,
			@Value("${spring.kafka.template.observation-enabled:false}") boolean observed) {
		var template = new KafkaTemplate<>(producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		template.setObservationEnabled(observed);
		return template;
	}

	/**
	 * The app commands' container ({@code AppCommandListener}): its offset committed
	 * record by record, a failed command (the database down) tried again with backoff for
	 * ever, never sent to the events' dead-letter topic.
	 */
	@Bean
	ContainerPostProcessor<String, byte[], AbstractMessageListenerContainer<String, byte[]>> appCommandsContainer(
			ProcessorProperties properties) {
		return (container) -> {
			container.getContainerProperties().setAckMode(AckMode.RECORD);
			container.setCommonErrorHandler(new DefaultErrorHandler(backOff(properties)));
		};
	}

	@Bean
	NewTopic dialpadEventsTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEvents(partitions);
	}

	@Bean
	NewTopic deadLetterTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEventsDeadLetters(partitions);
	}

	/** Written by the admin service, read here: declared by both. */
	@Bean
	NewTopic appCommandsTopic() {
		return CtiTopics.appCommands();
	}

}
