package com.cti.admin.oauth;

import java.net.URI;

import com.cti.admin.config.PublicBaseUrl;
import com.cti.admin.dialpad.DialpadProperties;
import com.cti.admin.dialpad.ProvisioningProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where Dialpad sends the browser back after an authorization:
 * {@code DIALPAD_PROD_REDIRECT_URI}, or {@code <PUBLIC_BASE_URL>/oauth/dialpad/callback}
 * when it is not set. The callback is served at that URI's path, outside
 * {@code /internal}: the browser carries no Bearer token, the one-time {@code state}
 * authenticates it.
 */
@Component
class OAuthRedirect {

	static final String DEFAULT_PATH = "/oauth/dialpad/callback";

	private static final Logger logger = LoggerFactory.getLogger(OAuthRedirect.class);

	private final @Nullable String configured;

	private final PublicBaseUrl publicBaseUrl;

	OAuthRedirect(DialpadProperties properties, PublicBaseUrl publicBaseUrl) {
		this.configured = StringUtils.hasText(properties.oauth().redirectUri())
				? properties.oauth().redirectUri().strip() : null;
		this.publicBaseUrl = publicBaseUrl;
	}

	/** The redirect URI to register with Dialpad and send with every authorization. */
	String uri() {
		String uri = configuredOrDefault();
		String refusal = this.publicBaseUrl.refusal(uri);
		if (refusal != null) {
			throw ProvisioningProblems.notConfigured("url-not-allowed", "Redirect URI not allowed",
					"The OAuth redirect URI " + uri + " (DIALPAD_PROD_REDIRECT_URI or PUBLIC_BASE_URL) cannot be used: "
							+ refusal + "; it must be https and resolve to public addresses only (any is allowed "
							+ "with CTI_DEV_MODE=true)");
		}
		return uri;
	}

	private String configuredOrDefault() {
		if (this.configured != null) {
			return this.configured;
		}
		String base = this.publicBaseUrl.orNull();
		if (base == null) {
			throw ProvisioningProblems.notConfigured("dialpad-redirect-uri-missing", "No OAuth redirect URI",
					"Set DIALPAD_PROD_REDIRECT_URI (the callback URL registered with Dialpad, e.g. "
							+ "https://cti.example.com" + DEFAULT_PATH + ") or PUBLIC_BASE_URL");
		}
		return base + DEFAULT_PATH;
	}

	/** The path this service answers the callback at. */
	String callbackPath() {
		if (this.configured == null) {
			return DEFAULT_PATH;
		}
		String path;
		try {
			path = URI.create(this.configured).getRawPath();
		}
		catch (IllegalArgumentException ex) {
			path = null;
		}
		if (path == null || path.isEmpty() || !path.startsWith("/")) {
			logger.error("DIALPAD_PROD_REDIRECT_URI '{}' has no usable path; answering the callback at {}",
					this.configured, DEFAULT_PATH);
			return DEFAULT_PATH;
		}
		if (path.startsWith("/internal/")) {
			logger.error("DIALPAD_PROD_REDIRECT_URI '{}' is under /internal, where the browser's callback is refused "
					+ "without a Bearer token: choose another path, e.g. {}", this.configured, DEFAULT_PATH);
		}
		return path;
	}

}
