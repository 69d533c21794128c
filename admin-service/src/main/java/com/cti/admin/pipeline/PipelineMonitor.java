package com.cti.admin.pipeline;

import org.springframework.stereotype.Component;

/**
 * Puts the pipeline status together from Kafka (consumer lag, the ingest instances'
 * reports) and the database (events waiting for an admin, latest event per app).
 */
@Component
class PipelineMonitor {

	private final ConsumerLagReader lagReader;

	private final PipelineEventQueries eventQueries;

	private final IngestStatusReader ingestReader;

	PipelineMonitor(ConsumerLagReader lagReader, PipelineEventQueries eventQueries, IngestStatusReader ingestReader) {
		this.lagReader = lagReader;
		this.eventQueries = eventQueries;
		this.ingestReader = ingestReader;
	}

	PipelineStatus status() {
		return new PipelineStatus(this.lagReader.read(), this.eventQueries.unattributed(), this.eventQueries.failed(),
				this.eventQueries.lastEventPerApp(), this.ingestReader.read());
	}

}
