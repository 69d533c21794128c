package com.cti.processor.config;

import java.util.Map;

import com.cti.model.AppPurgeRequested;
import com.cti.model.Topics;
import com.cti.platform.CtiTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of the admin service's app commands ({@link Topics#APP_COMMANDS}): one
 * command at a time, its offset committed after the purge's transaction, a failed purge
 * (the database down) tried again with backoff for ever. An unreadable command is logged
 * and skipped. Its own consumer group, so that its rebalances never pause the events.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorAppCommandsConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, AppPurgeRequested> processorAppCommandsContainerFactory(
			KafkaProperties kafkaProperties, ProcessorProperties properties) {
		Map<String, Object> config = kafkaProperties.buildConsumerProperties();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		// one command per poll, and time for the purge of a big app (one transaction):
		// a purge longer than the poll interval would be redelivered and run again
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30 * 60 * 1000);
		var valueDeserializer = new JacksonJsonDeserializer<>(AppPurgeRequested.class).ignoreTypeHeaders()
			.trustedPackages("com.cti.model");
		var factory = new ConcurrentKafkaListenerContainerFactory<String, AppPurgeRequested>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ErrorHandlingDeserializer<>(valueDeserializer)));
		factory.getContainerProperties().setAckMode(AckMode.RECORD);
		var backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return factory;
	}

	/** Written by the admin service, read here: declared by both. */
	@Bean
	NewTopic processorAppCommandsTopic() {
		return CtiTopics.appCommands();
	}

}
