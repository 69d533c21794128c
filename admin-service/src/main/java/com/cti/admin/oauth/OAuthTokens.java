package com.cti.admin.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.cti.admin.crypto.SecretCipher;
import com.cti.admin.dialpad.DialpadClient;
import com.cti.admin.dialpad.DialpadException;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.DialpadTokens;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.cti.admin.leases.Leases;
import com.cti.admin.oauth.OAuthTokenRepository.StoredTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * An app's current OAuth access token, refreshed shortly before it expires. A refresh
 * holds the app's refresh lease (refresh tokens work once, so two concurrent refreshes
 * must not both spend the same one) and no transaction: the tokens are read again once
 * the lease is held, Dialpad is called, and the new pair is saved in one statement of its
 * own.
 */
@Component
class OAuthTokens {

	// longer than Dialpad's token call with its retries
	private static final Duration REFRESH_LEASE = Duration.ofMinutes(1);

	private final OAuthTokenRepository repository;

	private final DialpadClient dialpad;

	private final SecretCipher cipher;

	private final DialpadProperties properties;

	private final Leases leases;

	private final Clock clock;

	OAuthTokens(OAuthTokenRepository repository, DialpadClient dialpad, SecretCipher cipher,
			DialpadProperties properties, Leases leases, Clock clock) {
		this.repository = repository;
		this.dialpad = dialpad;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = Clock.tick(clock, Duration.ofNanos(1000));
		this.leases = leases;
	}

	/** The app's access token, refreshed first if it is due; empty when not connected. */
	Optional<String> accessToken(UUID appId) {
		Optional<StoredTokens> tokens = this.repository.find(appId);
		if (tokens.isEmpty()) {
			return Optional.empty();
		}
		if (!refreshDue(tokens.get())) {
			return Optional.of(access(tokens.get()));
		}
		try (Leases.Lease refresh = this.leases.acquire("oauth-refresh:" + appId, REFRESH_LEASE, REFRESH_LEASE)
			.orElseThrow(() -> ProvisioningProblems.conflict("dialpad-oauth-refresh-busy", "Token refresh under way",
					"The Dialpad OAuth tokens of app " + appId + " are being refreshed; try again shortly"))) {
			return Optional.ofNullable(refreshClaimed(appId));
		}
	}

	/** Stores the tokens of a new connection. */
	void store(UUID appId, DialpadTokens tokens) {
		save(appId, tokens, null, false);
	}

	private @Nullable String refreshClaimed(UUID appId) {
		// read again: another holder of the lease may have refreshed them meanwhile
		Optional<StoredTokens> current = this.repository.find(appId);
		if (current.isEmpty()) {
			return null;
		}
		StoredTokens tokens = current.get();
		if (!refreshDue(tokens)) {
			return access(tokens);
		}
		if (tokens.refreshToken() == null) {
			if (tokens.expiresAt() != null && tokens.expiresAt().isAfter(this.clock.instant())) {
				return access(tokens);
			}
			throw reauthorize(appId, "its access token expired and Dialpad gave no refresh token "
					+ "(ask for the offline_access scope)");
		}
		String refreshToken = this.cipher.decrypt(tokens.refreshToken(), StoredTokens.refreshContext(appId));
		DialpadTokens fresh;
		try {
			fresh = this.dialpad.refresh(refreshToken);
		}
		catch (DialpadException ex) {
			if (ex.dialpadStatus() == 400 || ex.dialpadStatus() == 401) {
				throw reauthorize(appId, "Dialpad refused its refresh token ("
						+ ((ex.dialpadError() != null) ? ex.dialpadError() : "HTTP " + ex.dialpadStatus()) + ")");
			}
			throw ex;
		}
		save(appId, fresh, refreshToken, true);
		return fresh.accessToken();
	}

	private void save(UUID appId, DialpadTokens tokens, @Nullable String previousRefreshToken, boolean refreshed) {
		// refresh tokens rotate: keep the new one; keep the old one only if Dialpad sent
		// none
		String refreshToken = (tokens.refreshToken() != null) ? tokens.refreshToken() : previousRefreshToken;
		Instant expiresAt = (tokens.expiresIn() != null) ? this.clock.instant().plusSeconds(tokens.expiresIn()) : null;
		this.repository.save(appId, this.cipher.encrypt(tokens.accessToken(), StoredTokens.accessContext(appId)),
				(refreshToken != null) ? this.cipher.encrypt(refreshToken, StoredTokens.refreshContext(appId)) : null,
				tokens.scope(), tokens.tokenType(), expiresAt, refreshed);
	}

	private boolean refreshDue(StoredTokens tokens) {
		return tokens.expiresAt() != null && !tokens.expiresAt()
			.minus(this.properties.oauth().refreshBeforeExpiry())
			.isAfter(this.clock.instant());
	}

	private String access(StoredTokens tokens) {
		return this.cipher.decrypt(tokens.accessToken(), StoredTokens.accessContext(tokens.appId()));
	}

	private static RuntimeException reauthorize(UUID appId, String reason) {
		return ProvisioningProblems.conflict("dialpad-oauth-reauthorization-needed", "Connect the app to Dialpad again",
				"App " + appId + " cannot use its Dialpad OAuth connection: " + reason
						+ ". Connect it again: GET /internal/apps/" + appId + "/oauth/authorize");
	}

}
