package com.cti.admin.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.dialpad.DialpadClient;
import com.cti.admin.dialpad.DialpadCredentials;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.DialpadTokens;
import com.cti.admin.dialpad.KnownApps;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.oauth.OAuthStateRepository.PendingAuthorization;
import com.cti.admin.oauth.OAuthTokenRepository.StoredTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Connects an app to a Dialpad company with OAuth 2 (authorization code with PKCE S256
 * and a one-time {@code state}), reports the connection, and disconnects it.
 */
@Service
class OAuthConnections {

	private static final Logger logger = LoggerFactory.getLogger(OAuthConnections.class);

	private static final SecureRandom random = new SecureRandom();

	private final OAuthStateRepository states;

	private final OAuthTokenRepository tokenRows;

	private final OAuthTokens tokens;

	private final OAuthRedirect redirect;

	private final DialpadClient dialpad;

	private final DialpadProperties properties;

	private final SecretCipher cipher;

	private final KnownApps apps;

	private final Clock clock;

	OAuthConnections(OAuthStateRepository states, OAuthTokenRepository tokenRows, OAuthTokens tokens,
			OAuthRedirect redirect, DialpadClient dialpad, DialpadProperties properties, SecretCipher cipher,
			KnownApps apps, Clock clock) {
		this.states = states;
		this.tokenRows = tokenRows;
		this.tokens = tokens;
		this.redirect = redirect;
		this.dialpad = dialpad;
		this.properties = properties;
		this.cipher = cipher;
		this.apps = apps;
		this.clock = Clock.tick(clock, Duration.ofNanos(1000));
	}

	/** Starts an authorization: where to send the browser. */
	AuthorizationStarted authorize(UUID appId, @Nullable String requestedScope) {
		this.apps.requireEnabled(appId);
		if (!this.properties.oauth().configured()) {
			throw ProvisioningProblems.notConfigured("dialpad-oauth-not-configured", "Dialpad OAuth not configured",
					"Set DIALPAD_CLIENT_ID and DIALPAD_CLIENT_SECRET (the Dialpad OAuth app) to connect apps with OAuth");
		}
		String scope = (requestedScope != null) ? requestedScope.strip() : this.properties.oauth().scopes();
		if (!scope.matches("[A-Za-z0-9_:.\\- ]{0,500}")) {
			throw ProvisioningProblems.badRequest("invalid-scope", "Invalid scope",
					"scope is a space-separated list of Dialpad scopes such as offline_access calls:list");
		}
		String redirectUri = this.redirect.uri();
		String state = randomToken();
		String verifier = randomToken();
		String stateHash = sha256Hex(state);
		Instant expiresAt = this.clock.instant().plus(this.properties.oauth().stateTtl());
		this.states.save(stateHash, appId,
				this.cipher.encrypt(verifier, PendingAuthorization.verifierContext(stateHash)), redirectUri, scope,
				expiresAt);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("client_id", this.properties.oauth().clientId());
		parameters.put("redirect_uri", redirectUri);
		parameters.put("response_type", "code");
		parameters.put("scope", scope);
		parameters.put("state", state);
		parameters.put("code_challenge", s256(verifier));
		parameters.put("code_challenge_method", "S256");
		return new AuthorizationStarted(appId, this.dialpad.authorizeUri(parameters), redirectUri, scope, expiresAt);
	}

	/** Completes an authorization when Dialpad sends the browser back. */
	Connected complete(@Nullable String code, @Nullable String state, @Nullable String error,
			@Nullable String errorDescription) {
		if (state == null || state.isBlank()) {
			throw badCallback("invalid-oauth-state", "The callback carries no state");
		}
		PendingAuthorization pending = this.states.consume(sha256Hex(state))
			.orElseThrow(() -> badCallback("invalid-oauth-state",
					"The state is unknown or was used already: start again at /internal/apps/{app_id}/oauth/authorize"));
		if (pending.expiresAt().isBefore(this.clock.instant())) {
			throw badCallback("expired-oauth-state", "The authorization took too long: start again at /internal/apps/"
					+ pending.appId() + "/oauth/authorize");
		}
		if (error != null) {
			throw badCallback("dialpad-oauth-denied", "Dialpad did not authorize app " + pending.appId() + ": " + error
					+ ((errorDescription != null) ? " (" + errorDescription + ")" : ""));
		}
		if (code == null || code.isBlank()) {
			throw badCallback("invalid-oauth-callback", "The callback carries no code");
		}
		String verifier = this.cipher.decrypt(pending.codeVerifier(), pending.verifierContext());
		DialpadTokens issued = this.dialpad.redeemCode(code, verifier, pending.redirectUri());
		this.apps.requireExisting(pending.appId());
		this.tokens.store(pending.appId(), issued);
		logger.info("App {} connected to Dialpad with OAuth (scope {})", pending.appId(), issued.scope());
		StoredTokens stored = this.tokenRows.find(pending.appId()).orElseThrow();
		return new Connected(true, pending.appId(), stored.scope(), stored.expiresAt(), stored.refreshToken() != null,
				"Dialpad connected: app " + pending.appId()
						+ " now reaches Dialpad with its own OAuth token instead of DIALPAD_API_KEY.");
	}

	ConnectionStatus status(UUID appId) {
		this.apps.requireExisting(appId);
		Optional<StoredTokens> stored = this.tokenRows.find(appId);
		String credentials = stored.isPresent() ? "oauth"
				: ((this.properties.apiKeyOrNull() != null) ? "api_key" : "none");
		return stored
			.map((row) -> new ConnectionStatus(appId, true, credentials, row.scope(), row.expiresAt(),
					row.refreshToken() != null, row.createdAt(), row.refreshedAt()))
			.orElseGet(() -> new ConnectionStatus(appId, false, credentials, null, null, false, null, null));
	}

	/**
	 * Revokes the app's tokens at Dialpad (best effort: a token Dialpad no longer accepts
	 * is revoked already) and forgets them; the app falls back to
	 * {@code DIALPAD_API_KEY}.
	 */
	Disconnected deauthorize(UUID appId) {
		this.apps.requireExisting(appId);
		if (this.tokenRows.find(appId).isEmpty()) {
			throw ProvisioningProblems.notFound("dialpad-oauth-not-connected", "Not connected",
					"App " + appId + " has no Dialpad OAuth connection");
		}
		boolean revoked;
		try {
			String accessToken = this.tokens.accessToken(appId).orElseThrow();
			this.dialpad.deauthorize(new DialpadCredentials(accessToken, DialpadCredentials.Source.OAUTH));
			revoked = true;
		}
		catch (ErrorResponseException ex) {
			logger.warn("Dialpad did not confirm the revocation of app {}'s tokens: {}", appId,
					ex.getBody().getDetail());
			revoked = false;
		}
		this.tokenRows.delete(appId);
		return new Disconnected(true, appId, revoked,
				revoked ? "Dialpad revoked the app's tokens; they are deleted here."
						: "The tokens are deleted here; Dialpad did not confirm their revocation (they may have "
								+ "been revoked or expired already).");
	}

	private static ErrorResponseException badCallback(String code, String detail) {
		return ProvisioningProblems.badRequest(code, "Dialpad authorization failed", detail);
	}

	private static String randomToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String s256(String verifier) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
	}

	private static String sha256Hex(String value) {
		return HexFormat.of().formatHex(sha256(value));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An authorization started: send the browser to {@code authorizeUrl}.
	 *
	 * @param appId the app being connected
	 * @param authorizeUrl Dialpad's authorization page, with client, scope, state and
	 * PKCE challenge
	 * @param redirectUri where Dialpad sends the browser back
	 * @param scope the scopes asked for
	 * @param expiresAt until when the authorization can come back
	 */
	record AuthorizationStarted(UUID appId, URI authorizeUrl, String redirectUri, String scope, Instant expiresAt) {
	}

	/**
	 * A completed authorization.
	 *
	 * @param success always true (a failure is a problem)
	 * @param appId the app now connected
	 * @param scope the granted scopes, when Dialpad said
	 * @param expiresAt when the access token expires
	 * @param refreshable whether Dialpad gave a refresh token
	 * @param message a summary
	 */
	record Connected(boolean success, UUID appId, @Nullable String scope, @Nullable Instant expiresAt,
			boolean refreshable, String message) {
	}

	/**
	 * An app's Dialpad connection.
	 *
	 * @param appId the app
	 * @param connected whether it has OAuth tokens
	 * @param credentials what its Dialpad requests carry: {@code oauth}, {@code api_key}
	 * or {@code none}
	 * @param scope the granted scopes
	 * @param expiresAt when the access token expires
	 * @param refreshable whether there is a refresh token
	 * @param connectedAt when it was connected
	 * @param refreshedAt when the tokens were last refreshed
	 */
	record ConnectionStatus(UUID appId, boolean connected, String credentials, @Nullable String scope,
			@Nullable Instant expiresAt, boolean refreshable, @Nullable Instant connectedAt,
			@Nullable Instant refreshedAt) {
	}

	/**
	 * A disconnection.
	 *
	 * @param success always true
	 * @param appId the app
	 * @param revokedAtDialpad whether Dialpad confirmed the revocation
	 * @param message a summary
	 */
	record Disconnected(boolean success, UUID appId, boolean revokedAtDialpad, String message) {
	}

}
