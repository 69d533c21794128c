package com.cti.processor.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the processor's housekeeping, such as the change feed's retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProcessorSchedulingConfiguration {

}
