package com.cti.processor.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The event consumer: batch listener, offsets committed after the listener returns (so
 * after the batch's database transaction), and every failure that reaches the container
 * (the database or the broker down) retried with backoff for ever: never skipped. Poison
 * records never reach it: the listener records them and sends them to {@code <topic>-dlt}
 * itself, through the recoverer defined here.
 *
 * <p>
 * The error handler is deliberately not a bean: Boot would wire a
 * {@code CommonErrorHandler} bean into every other listener factory of a combined
 * context.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DialpadEventReceived> processorListenerContainerFactory(
			KafkaProperties kafkaProperties, ProcessorProperties properties,
			DeadLetterPublishingRecoverer processorDeadLetterRecoverer) {
		Map<String, Object> config = kafkaProperties.buildConsumerProperties();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxPollRecords());
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		var valueDeserializer = new JacksonJsonDeserializer<>(DialpadEventReceived.class).ignoreTypeHeaders()
			.trustedPackages("com.cti.model");
		var consumerFactory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ErrorHandlingDeserializer<>(valueDeserializer));
		var factory = new ConcurrentKafkaListenerContainerFactory<String, DialpadEventReceived>();
		factory.setConsumerFactory(consumerFactory);
		factory.setBatchListener(true);
		factory.setConcurrency(properties.concurrency());
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		factory.setCommonErrorHandler(errorHandler(properties, processorDeadLetterRecoverer));
		return factory;
	}

	private static DefaultErrorHandler errorHandler(ProcessorProperties properties,
			DeadLetterPublishingRecoverer recoverer) {
		var backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		return new DefaultErrorHandler(recoverer, backOff);
	}

	/**
	 * Sends a record to {@link Topics#DIALPAD_EVENTS_DLT}, same partition, with Spring
	 * Kafka's exception headers; the original bytes when the record could not be read.
	 */
	@Bean
	DeadLetterPublishingRecoverer processorDeadLetterRecoverer(KafkaProperties kafkaProperties) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, template(kafkaProperties, new ByteArraySerializer()));
		templates.put(Object.class, template(kafkaProperties, new JacksonJsonSerializer<>().noTypeInfo()));
		return new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DIALPAD_EVENTS_DLT, record.partition()));
	}

	private static <V> KafkaTemplate<String, V> template(KafkaProperties kafkaProperties, Serializer<V> serializer) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), serializer));
	}

	@Bean
	NewTopic processorDialpadEventsTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEvents(partitions);
	}

	@Bean
	NewTopic processorDeadLetterTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return CtiTopics.dialpadEventsDeadLetters(partitions);
	}

}
