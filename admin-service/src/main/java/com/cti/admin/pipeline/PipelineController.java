package com.cti.admin.pipeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/pipeline}: consumer lag, events waiting for an admin, latest event
 * per app, the ingest instances' spools.
 */
@RestController
class PipelineController {

	private final PipelineMonitor monitor;

	PipelineController(PipelineMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping("/internal/pipeline")
	PipelineStatus status() {
		return this.monitor.status();
	}

}
