package com.cti.admin.pipeline;

import com.cti.admin.pipeline.PipelineStatus.IngestSpool;

import org.springframework.stereotype.Component;

/**
 * Puts the pipeline status together from Kafka (consumer lag) and the database (events
 * waiting for an admin, latest event per app).
 */
@Component
class PipelineMonitor {

	private final ConsumerLagReader lagReader;

	private final PipelineEventQueries eventQueries;

	PipelineMonitor(ConsumerLagReader lagReader, PipelineEventQueries eventQueries) {
		this.lagReader = lagReader;
		this.eventQueries = eventQueries;
	}

	PipelineStatus status() {
		return new PipelineStatus(this.lagReader.read(), this.eventQueries.unattributed(), this.eventQueries.failed(),
				this.eventQueries.lastEventPerApp(), IngestSpool.NOT_VISIBLE);
	}

}
