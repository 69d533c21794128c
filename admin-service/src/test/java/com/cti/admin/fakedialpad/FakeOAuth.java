package com.cti.admin.fakedialpad;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dialpad's OAuth 2 endpoints: {@code GET /oauth2/authorize} (consents at once and
 * redirects back with a code, or with {@code error=access_denied}),
 * {@code POST /oauth2/token} (authorization code with PKCE S256, refresh tokens that
 * rotate: each one works once) and {@code POST /oauth2/deauthorize}.
 */
final class FakeOAuth {

	private static final JsonMapper json = JsonMapper.shared();

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Code> codes = new HashMap<>();

	private final Map<String, Access> accessTokens = new HashMap<>();

	private final Map<String, String> refreshTokens = new HashMap<>();

	private Duration accessTokenLifetime = Duration.ofHours(1);

	private boolean denyConsent;

	private int tokensIssued;

	synchronized FakeResponse authorize(FakeRequest request) {
		String redirectUri = request.param("redirect_uri");
		if (!FakeDialpad.CLIENT_ID.equals(request.param("client_id")) || redirectUri == null
				|| !"code".equals(request.param("response_type"))) {
			return FakeResponse.oauthError(400, "invalid_request", "client_id, redirect_uri and response_type=code");
		}
		String challenge = request.param("code_challenge");
		if (challenge != null && !"S256".equals(request.param("code_challenge_method"))) {
			return FakeResponse.oauthError(400, "invalid_request", "only S256 is accepted here");
		}
		String state = request.param("state");
		String separator = redirectUri.contains("?") ? "&" : "?";
		String stateParam = (state != null) ? "&state=" + encode(state) : "";
		if (this.denyConsent) {
			return FakeResponse.redirect(redirectUri + separator + "error=access_denied" + stateParam);
		}
		String code = "code-" + UUID.randomUUID();
		String scope = (request.param("scope") != null) ? request.param("scope") : "";
		this.codes.put(code, new Code(redirectUri, challenge, scope));
		return FakeResponse.redirect(redirectUri + separator + "code=" + encode(code) + stateParam);
	}

	synchronized FakeResponse token(FakeRequest request) {
		Map<String, String> fields = request.fields();
		if (!clientAuthenticated(request, fields)) {
			return FakeResponse.oauthError(401, "invalid_client", "unknown client or wrong secret");
		}
		return switch (String.valueOf(fields.get("grant_type"))) {
			case "authorization_code" -> redeemCode(fields);
			case "refresh_token" -> refresh(fields);
			default -> FakeResponse.oauthError(400, "unsupported_grant_type", "grant_type");
		};
	}

	private FakeResponse redeemCode(Map<String, String> fields) {
		Code code = this.codes.remove(String.valueOf(fields.get("code")));
		if (code == null) {
			return FakeResponse.oauthError(400, "invalid_grant", "unknown or used code");
		}
		if (!code.redirectUri().equals(fields.get("redirect_uri"))) {
			return FakeResponse.oauthError(400, "invalid_grant", "redirect_uri does not match");
		}
		if (code.challenge() != null && !code.challenge().equals(s256(fields.get("code_verifier")))) {
			return FakeResponse.oauthError(400, "invalid_grant", "PKCE verification failed");
		}
		return issue(UUID.randomUUID().toString(), code.scope());
	}

	private FakeResponse refresh(Map<String, String> fields) {
		String family = this.refreshTokens.remove(String.valueOf(fields.get("refresh_token")));
		if (family == null) {
			return FakeResponse.oauthError(400, "invalid_grant", "unknown, used or revoked refresh token");
		}
		String scope = this.accessTokens.values()
			.stream()
			.filter((access) -> access.family().equals(family))
			.map(Access::scope)
			.findFirst()
			.orElse("");
		return issue(family, scope);
	}

	private FakeResponse issue(String family, String scope) {
		this.tokensIssued++;
		String access = "at-" + UUID.randomUUID();
		this.accessTokens.put(access, new Access(family, scope, this.clock.instant().plus(this.accessTokenLifetime)));
		ObjectNode body = json.createObjectNode();
		body.put("access_token", access);
		body.put("token_type", "bearer");
		body.put("expires_in", this.accessTokenLifetime.toSeconds());
		if (scope.contains("offline_access")) {
			String refresh = "rt-" + UUID.randomUUID();
			this.refreshTokens.put(refresh, family);
			body.put("refresh_token", refresh);
		}
		return FakeResponse.ok(body);
	}

	synchronized FakeResponse deauthorize(FakeRequest request) {
		String token = bearer(request);
		Access access = (token != null) ? this.accessTokens.get(token) : null;
		if (access == null) {
			return FakeResponse.error(401, "Invalid or expired token");
		}
		this.accessTokens.values().removeIf((other) -> other.family().equals(access.family()));
		this.refreshTokens.values().removeIf(access.family()::equals);
		return FakeResponse.ok(json.createObjectNode());
	}

	synchronized boolean accepts(String token) {
		Access access = this.accessTokens.get(token);
		return access != null && access.expiresAt().isAfter(this.clock.instant());
	}

	synchronized boolean isActive(String token) {
		return this.accessTokens.containsKey(token);
	}

	synchronized boolean isRefreshTokenValid(String token) {
		return this.refreshTokens.containsKey(token);
	}

	synchronized int tokensIssued() {
		return this.tokensIssued;
	}

	synchronized void accessTokenLifetime(Duration lifetime) {
		this.accessTokenLifetime = lifetime;
	}

	synchronized void denyConsent(boolean deny) {
		this.denyConsent = deny;
	}

	synchronized void clear() {
		this.codes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.accessTokenLifetime = Duration.ofHours(1);
		this.denyConsent = false;
		this.tokensIssued = 0;
	}

	private static boolean clientAuthenticated(FakeRequest request, Map<String, String> fields) {
		String id = fields.get("client_id");
		String secret = fields.get("client_secret");
		String authorization = request.authorization();
		if (authorization != null && authorization.startsWith("Basic ")) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			id = decoded.substring(0, Math.max(colon, 0));
			secret = decoded.substring(colon + 1);
		}
		return FakeDialpad.CLIENT_ID.equals(id) && FakeDialpad.CLIENT_SECRET.equals(secret);
	}

	static @Nullable String bearer(FakeRequest request) {
		String authorization = request.authorization();
		return (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7) : null;
	}

	static String s256(@Nullable String verifier) {
		if (verifier == null) {
			return "";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Code(String redirectUri, @Nullable String challenge, String scope) {
	}

	private record Access(String family, String scope, Instant expiresAt) {
	}

}
