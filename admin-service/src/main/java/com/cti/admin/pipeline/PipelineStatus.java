package com.cti.admin.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The state of the event pipeline as the admin service can see it.
 *
 * @param consumer the processor's lag on the events topic
 * @param unattributedEvents events without an app, waiting for an admin
 * @param failedEvents events the processor could not apply
 * @param apps each app's latest event
 * @param ingest the ingest instances and their spools
 */
record PipelineStatus(ConsumerLag consumer, long unattributedEvents, long failedEvents, List<AppActivity> apps,
		IngestInstances ingest) {

	/**
	 * One app's latest event.
	 *
	 * @param appId the app
	 * @param name its name
	 * @param enabled whether it is enabled
	 * @param lastEventAt when its latest event was received, null when none yet
	 */
	record AppActivity(UUID appId, String name, boolean enabled, @Nullable Instant lastEventAt) {
	}

	/**
	 * The ingest instances, as their latest reports on the ingest status topic say.
	 *
	 * @param available false when the topic could not be read (then {@code error} says
	 * why)
	 * @param error why the instances are unknown
	 * @param instances every instance that reported and has not stopped cleanly
	 * @param spoolDepthTotal the events waiting in every instance's spool, stale ones
	 * included (a crashed instance's spool keeps its events until it starts again)
	 */
	record IngestInstances(boolean available, @Nullable String error, List<IngestInstance> instances,
			long spoolDepthTotal) {

		static IngestInstances unavailable(String error) {
			return new IngestInstances(false, error, List.of(), 0);
		}

	}

	/**
	 * One ingest instance's latest report.
	 *
	 * @param instanceId its id ({@code INGEST_INSTANCE_ID})
	 * @param spoolDepth events accepted but not yet forwarded to Kafka
	 * @param spoolBytes the disk its spool takes
	 * @param reportedAt when it reported
	 * @param stale true when it has missed three reports: what it said may be out of date
	 */
	record IngestInstance(String instanceId, long spoolDepth, long spoolBytes, Instant reportedAt, boolean stale) {
	}

}
