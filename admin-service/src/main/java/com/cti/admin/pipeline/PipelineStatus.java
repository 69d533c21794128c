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
 * @param ingestSpool the ingest service's spool, which is not visible from here
 */
record PipelineStatus(ConsumerLag consumer, long unattributedEvents, long failedEvents, List<AppActivity> apps,
		IngestSpool ingestSpool) {

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
	 * The ingest spool: events that ingest accepted while Kafka was away, on its own
	 * disk.
	 *
	 * @param visible always false: the admin service cannot see it
	 * @param note where to look instead
	 */
	record IngestSpool(boolean visible, String note) {

		static final IngestSpool NOT_VISIBLE = new IngestSpool(false,
				"The ingest spool lives on each ingest instance's disk and is not visible from the admin service;"
						+ " see the ingest service's health and metrics.");

	}

}
