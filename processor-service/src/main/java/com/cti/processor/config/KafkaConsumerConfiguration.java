package com.cti.processor.config;

import java.util.LinkedHashMap;
import java.util.Map;

import com.cti.model.DialpadEventReceived;
import com.cti.model.Topics;
import com.cti.processor.events.PoisonEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The event consumer: batch listener, manual offsets committed after the batch's database
 * transaction, poison records to {@code <topic>-dlt} at once, and every other failure
 * (the database being down) retried with backoff for ever: never skipped.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DialpadEventReceived> eventListenerContainerFactory(
			KafkaProperties kafkaProperties, DefaultErrorHandler eventErrorHandler,
			@Value("${cti.processor.concurrency:1}") int concurrency,
			@Value("${cti.processor.max-poll-records:500}") int maxPollRecords) {
		Map<String, Object> config = kafkaProperties.buildConsumerProperties();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		var valueDeserializer = new JacksonJsonDeserializer<>(DialpadEventReceived.class).ignoreTypeHeaders()
			.trustedPackages("com.cti.model");
		var consumerFactory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ErrorHandlingDeserializer<>(valueDeserializer));
		var factory = new ConcurrentKafkaListenerContainerFactory<String, DialpadEventReceived>();
		factory.setConsumerFactory(consumerFactory);
		factory.setBatchListener(true);
		factory.setConcurrency(concurrency);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		factory.setCommonErrorHandler(eventErrorHandler);
		return factory;
	}

	@Bean
	DefaultErrorHandler eventErrorHandler(KafkaProperties kafkaProperties) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, template(kafkaProperties, new ByteArraySerializer()));
		templates.put(Object.class, template(kafkaProperties, new JacksonJsonSerializer<>().noTypeInfo()));
		var recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(Topics.DIALPAD_EVENTS_DLT, record.partition()));
		var backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(10_000);
		var handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonEventException.class, DeserializationException.class);
		return handler;
	}

	private static <V> KafkaTemplate<String, V> template(KafkaProperties kafkaProperties,
			org.apache.kafka.common.serialization.Serializer<V> serializer) {
		Map<String, Object> config = kafkaProperties.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), serializer));
	}

	@Bean
	NewTopic processorDialpadEventsTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return TopicBuilder.name(Topics.DIALPAD_EVENTS).partitions(partitions).build();
	}

	@Bean
	NewTopic processorDeadLetterTopic(@Value("${cti.kafka.partitions:6}") int partitions) {
		return TopicBuilder.name(Topics.DIALPAD_EVENTS_DLT).partitions(partitions).build();
	}

}
