package com.cti.ingest.delivery;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the spool at start-up (recovering what a previous run left) and closes it at
 * shutdown. Start-up fails with a clear message when the directory cannot be used.
 */
@Configuration(proxyBeanMethods = false)
class SpoolConfiguration {

	@Bean
	EventSpool eventSpool(SpoolProperties properties) throws IOException {
		return new EventSpool(properties.directory(), properties.maxSize().toBytes(),
				properties.segmentSize().toBytes());
	}

}
