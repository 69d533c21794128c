package com.cti.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAlias;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What one ingest instance reports about itself on {@link Topics#INGEST_STATUS}
 * (compacted, keyed by instance id) every reporting interval. On the wire as
 * {@link WireJson} says.
 *
 * @param instanceId the instance ({@code INGEST_INSTANCE_ID})
 * @param spoolDepth events accepted but not yet forwarded to Kafka
 * @param spoolBytes the disk the spool's files take
 * @param reportedAt when the instance made this report
 * @param interval how often the instance reports, so that a reader can tell a stale
 * report
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IngestStatus(@JsonAlias("instanceId") String instanceId, @JsonAlias("spoolDepth") long spoolDepth,
		@JsonAlias("spoolBytes") long spoolBytes, @JsonAlias("reportedAt") Instant reportedAt, Duration interval) {

	public IngestStatus {
		Objects.requireNonNull(instanceId, "instanceId");
		Objects.requireNonNull(reportedAt, "reportedAt");
		Objects.requireNonNull(interval, "interval");
	}

}
