package com.cti.admin.oauth;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An app's Dialpad OAuth connection: start it, show it, end it. (Dialpad's callback is
 * {@link OAuthCallbackController}.)
 */
@RestController
class OAuthController {

	private final OAuthConnections connections;

	OAuthController(OAuthConnections connections) {
		this.connections = connections;
	}

	/**
	 * A redirect to Dialpad's authorization page; the body carries the same URL for a
	 * client that does not follow redirects (an operator with curl opens it in a
	 * browser).
	 */
	@GetMapping("/internal/apps/{appId}/oauth/authorize")
	ResponseEntity<OAuthConnections.AuthorizationStarted> authorize(@PathVariable UUID appId,
			@RequestParam(name = "scope", required = false) @Nullable String scope) {
		OAuthConnections.AuthorizationStarted started = this.connections.authorize(appId, scope);
		return ResponseEntity.status(HttpStatus.FOUND).location(started.authorizeUrl()).body(started);
	}

	@GetMapping("/internal/apps/{appId}/oauth")
	OAuthConnections.ConnectionStatus status(@PathVariable UUID appId) {
		return this.connections.status(appId);
	}

	@DeleteMapping("/internal/apps/{appId}/oauth")
	OAuthConnections.Disconnected deauthorize(@PathVariable UUID appId) {
		return this.connections.deauthorize(appId);
	}

}
