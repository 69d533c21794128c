package com.cti.admin.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the admin service's periodic jobs (the OAuth token refresh).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProvisioningSchedulingConfiguration {

}
