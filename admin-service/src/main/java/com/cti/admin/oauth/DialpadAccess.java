package com.cti.admin.oauth;

import java.util.UUID;

import com.cti.admin.dialpad.DialpadCredentials;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.ProvisioningProblems;

import org.springframework.stereotype.Component;

/**
 * Which credentials a Dialpad request made for an app carries: the app's own OAuth access
 * token when it connected its Dialpad company, else {@code DIALPAD_API_KEY}.
 */
@Component
public class DialpadAccess {

	private final DialpadProperties properties;

	DialpadAccess(DialpadProperties properties) {
		this.properties = properties;
	}

	/** The credentials for the app, or a 503 problem when it has none. */
	public DialpadCredentials credentialsFor(UUID appId) {
		String apiKey = this.properties.apiKeyOrNull();
		if (apiKey != null) {
			return new DialpadCredentials(apiKey, DialpadCredentials.Source.API_KEY);
		}
		throw ProvisioningProblems.notConfigured("dialpad-credentials-missing", "No Dialpad credentials",
				"App " + appId + " has no Dialpad credentials: set DIALPAD_API_KEY (a company-admin API key), or "
						+ "connect the app's Dialpad company with GET /internal/apps/" + appId + "/oauth/authorize");
	}

}
