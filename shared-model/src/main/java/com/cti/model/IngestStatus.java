package com.cti.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one ingest instance reports about itself on {@link Topics#INGEST_STATUS}
 * (compacted, keyed by instance id) every reporting interval.
 *
 * @param instanceId the instance ({@code INGEST_INSTANCE_ID})
 * @param spoolDepth events accepted but not yet forwarded to Kafka
 * @param spoolBytes the disk the spool's files take
 * @param reportedAt when the instance made this report
 * @param interval how often the instance reports, so that a reader can tell a stale
 * report
 */
public record IngestStatus(String instanceId, long spoolDepth, long spoolBytes, Instant reportedAt, Duration interval) {

	public IngestStatus {
		Objects.requireNonNull(instanceId, "instanceId");
		Objects.requireNonNull(reportedAt, "reportedAt");
		Objects.requireNonNull(interval, "interval");
	}

}
