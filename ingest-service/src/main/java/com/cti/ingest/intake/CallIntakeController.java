package com.cti.ingest.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.regex.Pattern;

import com.cti.ingest.intake.CallIntake.CallsAccepted;
import com.cti.ingest.webhook.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/intake/{app_id}/calls}: the admin service's backfill hands the
 * calls it found missing to ingest here, so that they travel the webhooks' path. Trusted
 * and internal: it takes {@code Authorization: Bearer <INTERNAL_API_SECRET>} only
 * (compared in constant time) and is off (404) without that setting. The public gateways
 * (docker-compose's nginx, the Kubernetes Ingress, the standalone's proxy) route
 * {@code /internal/**} to the admin service, so no public path leads here; where ingest
 * is itself public (a Render web service) the secret is what guards it, as it guards the
 * admin's {@code /internal}.
 */
@RestController
class CallIntakeController {

	private static final Pattern APP_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final CallIntake intake;

	private final IntakeProperties properties;

	private final byte @Nullable [] expected;

	CallIntakeController(CallIntake intake, IntakeProperties properties) {
		this.intake = intake;
		this.properties = properties;
		this.expected = properties.enabled()
				? ("Bearer " + properties.internalApiSecret()).getBytes(StandardCharsets.UTF_8) : null;
	}

	@PostMapping("/internal/intake/{appId}/calls")
	ResponseEntity<CallsAccepted> receive(@PathVariable String appId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			HttpServletRequest request) throws IOException {
		authenticate(authorization);
		if (!APP_ID.matcher(appId).matches()) {
			throw new IntakeRejectedException(HttpStatus.BAD_REQUEST, "invalid-app-id",
					"The app id in the path is not a UUID");
		}
		var accepted = this.intake.accept(UUID.fromString(appId), readBody(request));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(accepted);
	}

	private void authenticate(@Nullable String authorization) {
		if (this.expected == null) {
			throw new IntakeRejectedException(HttpStatus.NOT_FOUND, "intake-off",
					"The internal intake is off: INTERNAL_API_SECRET is not set on this ingest service");
		}
		if (authorization == null
				|| !MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8))) {
			throw new IntakeRejectedException(HttpStatus.UNAUTHORIZED, "unauthorized",
					"A valid 'Authorization: Bearer <INTERNAL_API_SECRET>' header is required");
		}
	}

	private byte[] readBody(HttpServletRequest request) throws IOException {
		long limit = this.properties.maxBodySize().toBytes();
		byte[] body = BoundedBody.read(request, limit);
		if (body == null) {
			throw tooLarge(limit);
		}
		return body;
	}

	private static IntakeRejectedException tooLarge(long limit) {
		return new IntakeRejectedException(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"The body is larger than the limit of " + limit + " bytes");
	}

}
