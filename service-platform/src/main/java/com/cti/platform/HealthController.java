package com.cti.platform;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The health check that load balancers and platforms probe: {@code GET /health} answers
 * {@code {"status":"healthy"}} while every health indicator (database, Kafka) is up, and
 * 503 {@code {"status":"unhealthy"}} otherwise. Details are at {@code /actuator/health}.
 */
@RestController
class HealthController {

	private final HealthEndpoint healthEndpoint;

	HealthController(HealthEndpoint healthEndpoint) {
		this.healthEndpoint = healthEndpoint;
	}

	@GetMapping("/health")
	ResponseEntity<Map<String, String>> health() {
		var descriptor = this.healthEndpoint.health();
		if (Status.UP.equals(descriptor.getStatus())) {
			return ResponseEntity.ok(Map.of("status", "healthy"));
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "unhealthy"));
	}

}
