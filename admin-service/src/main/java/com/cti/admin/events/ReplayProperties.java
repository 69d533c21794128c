package com.cti.admin.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of replaying and assigning events (a command to the processor).
 *
 * @param publishTimeout how long to wait for Kafka's acknowledgement before answering 503
 * ({@code cti.admin.replay.publish-timeout}, default 10 s)
 */
@ConfigurationProperties("cti.admin.replay")
record ReplayProperties(@DefaultValue("10s") Duration publishTimeout) {
}
