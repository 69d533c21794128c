package com.cti.admin.oauth;

import java.util.Optional;
import java.util.UUID;

import com.cti.admin.dialpad.DialpadCredentials;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.ProvisioningProblems;

import org.springframework.stereotype.Component;

/**
 * Which credentials a Dialpad request made for an app carries: the app's own OAuth access
 * token when it connected its Dialpad company (refreshed when due), else
 * {@code DIALPAD_API_KEY}. An app whose connection broke does not fall back to the API
 * key: that key may belong to another Dialpad company.
 */
@Component
public class DialpadAccess {

	private final DialpadProperties properties;

	private final OAuthTokens tokens;

	DialpadAccess(DialpadProperties properties, OAuthTokens tokens) {
		this.properties = properties;
		this.tokens = tokens;
	}

	/** The credentials for the app, or a problem when it has none. */
	public DialpadCredentials credentialsFor(UUID appId) {
		Optional<String> accessToken = this.tokens.accessToken(appId);
		if (accessToken.isPresent()) {
			return new DialpadCredentials(accessToken.get(), DialpadCredentials.Source.OAUTH);
		}
		String apiKey = this.properties.apiKeyOrNull();
		if (apiKey != null) {
			return new DialpadCredentials(apiKey, DialpadCredentials.Source.API_KEY);
		}
		throw ProvisioningProblems.notConfigured("dialpad-credentials-missing", "No Dialpad credentials",
				"App " + appId + " has no Dialpad credentials: set DIALPAD_API_KEY (a company-admin API key), or "
						+ "connect the app's Dialpad company with GET /internal/apps/" + appId + "/oauth/authorize");
	}

}
