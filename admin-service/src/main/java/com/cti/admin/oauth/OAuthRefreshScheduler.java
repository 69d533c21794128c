package com.cti.admin.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.cti.admin.dialpad.DialpadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes OAuth tokens that are about to expire, so that an app that makes no Dialpad
 * request for a while keeps a working connection (a refresh on use happens anyway).
 */
@Component
class OAuthRefreshScheduler {

	private static final Logger logger = LoggerFactory.getLogger(OAuthRefreshScheduler.class);

	private final OAuthTokenRepository repository;

	private final OAuthTokens tokens;

	private final DialpadProperties properties;

	private final Clock clock;

	OAuthRefreshScheduler(OAuthTokenRepository repository, OAuthTokens tokens, DialpadProperties properties,
			Clock clock) {
		this.repository = repository;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cti.dialpad.oauth.refresh-check-interval:PT5M}",
			initialDelayString = "${cti.dialpad.oauth.refresh-check-interval:PT5M}")
	void refreshExpiring() {
		Instant horizon = this.clock.instant().plus(this.properties.oauth().refreshBeforeExpiry());
		for (UUID appId : this.repository.expiringBefore(horizon)) {
			try {
				this.tokens.accessToken(appId);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not refresh the Dialpad OAuth tokens of app {}: {}", appId, ex.getMessage());
			}
		}
	}

}
