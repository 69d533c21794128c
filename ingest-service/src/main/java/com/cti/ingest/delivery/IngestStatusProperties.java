package com.cti.ingest.delivery;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the status report each ingest instance publishes for the admin service's
 * pipeline view.
 *
 * @param interval how often the instance reports ({@code INGEST_STATUS_INTERVAL}, default
 * 10 s); a report older than three intervals is shown as stale
 * @param instanceId the instance's id on the status topic ({@code INGEST_INSTANCE_ID});
 * by default the host name and the HTTP port, which stay the same when the instance
 * restarts on the same host (a container keeps its host name), so a restart replaces the
 * instance's entry rather than leaving a stale one behind
 */
@Validated
@ConfigurationProperties("cti.ingest.status")
public record IngestStatusProperties(@DefaultValue("10s") Duration interval, @Nullable String instanceId) {

	public IngestStatusProperties {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("cti.ingest.status.interval must be positive");
		}
	}

}
