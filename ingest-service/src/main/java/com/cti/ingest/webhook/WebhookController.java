package com.cti.ingest.webhook;

import java.io.IOException;

import com.cti.ingest.IngestProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dialpad's webhook endpoint. The body is read raw, whatever the Content-Type says: it is
 * the JWT itself.
 */
@RestController
class WebhookController {

	private final WebhookIntake intake;

	private final IngestProperties properties;

	WebhookController(WebhookIntake intake, IngestProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	@PostMapping({ "/webhooks/dialpad", "/webhooks/dialpad/{appId}" })
	ResponseEntity<WebhookAccepted> receive(@PathVariable(required = false) @Nullable String appId,
			HttpServletRequest request) throws IOException {
		var event = this.intake.accept(appId, readBody(request));
		// a preset content type answers 200 whatever the Accept header says: the event is
		// already durable
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new WebhookAccepted("accepted", event.eventId().toString(), event.kind().wireName()));
	}

	private byte[] readBody(HttpServletRequest request) throws IOException {
		long limit = this.properties.maxBodySize().toBytes();
		byte[] body;
		try {
			body = BoundedBody.read(request, limit, this.properties.bodyReadTimeout());
		}
		catch (BoundedBody.TooSlowException ex) {
			throw new WebhookRejectedException(HttpStatus.REQUEST_TIMEOUT, "body-too-slow", ex.getMessage());
		}
		if (body == null) {
			throw tooLarge(limit);
		}
		return body;
	}

	private static WebhookRejectedException tooLarge(long limit) {
		return new WebhookRejectedException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"The body is larger than the limit of " + limit + " bytes");
	}

	/** The answer to Dialpad: the event is durable. */
	record WebhookAccepted(String status, String eventId, String kind) {
	}

}
