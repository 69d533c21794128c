package com.cti.bench.noop;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the body raw, as the ingest service does, and answers the same shape of JSON.
 */
@RestController
class NoopWebhookController {

	@PostMapping({ "/webhooks/dialpad", "/webhooks/dialpad/{appId}" })
	Accepted receive(@PathVariable(required = false) @Nullable String appId, HttpServletRequest request)
			throws IOException {
		try (InputStream in = request.getInputStream()) {
			in.readNBytes(256 * 1024 + 1);
		}
		return new Accepted("accepted", UUID.randomUUID().toString(), "call");
	}

	@GetMapping("/health")
	Health health() {
		return new Health("healthy");
	}

	record Accepted(String status, String eventId, String kind) {
	}

	record Health(String status) {
	}

}
