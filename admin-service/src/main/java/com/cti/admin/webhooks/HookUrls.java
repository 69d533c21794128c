package com.cti.admin.webhooks;

import java.net.URI;
import java.util.UUID;

import com.cti.admin.config.PublicBaseUrl;
import com.cti.admin.dialpad.ProvisioningProblems;

import org.springframework.stereotype.Component;

/**
 * Where Dialpad delivers an app's events:
 * {@code <PUBLIC_BASE_URL>/webhooks/dialpad/<app_id>}, over HTTPS to a host with public
 * addresses only unless in development mode (Dialpad must not be told to post into this
 * network).
 */
@Component
class HookUrls {

	private final PublicBaseUrl publicBaseUrl;

	HookUrls(PublicBaseUrl publicBaseUrl) {
		this.publicBaseUrl = publicBaseUrl;
	}

	String forApp(UUID appId) {
		String hookUrl = publicBaseUrl() + "/webhooks/dialpad/" + appId;
		String refusal = this.publicBaseUrl.refusal(hookUrl);
		if (refusal != null) {
			throw ProvisioningProblems.notConfigured("url-not-allowed", "Hook URL not allowed",
					"Dialpad would deliver to " + hookUrl + " (PUBLIC_BASE_URL), but " + refusal
							+ ": a hook URL must be https and reach this deployment through public addresses only "
							+ "(any is allowed with CTI_DEV_MODE=true)");
		}
		return hookUrl;
	}

	private String publicBaseUrl() {
		String base = this.publicBaseUrl.orNull();
		if (base == null) {
			throw ProvisioningProblems.notConfigured("public-base-url-missing", "PUBLIC_BASE_URL not set",
					"PUBLIC_BASE_URL is not set: it is where Dialpad reaches this service (e.g. https://cti.example.com), "
							+ "and every webhook URL starts with it");
		}
		URI uri;
		try {
			uri = URI.create(base);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(base, "it is not a URL");
		}
		if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(base, "it must be an absolute URL with a host and no query or fragment");
		}
		if ("http".equals(uri.getScheme()) && !this.publicBaseUrl.devMode()) {
			throw invalid(base, "Dialpad must deliver over HTTPS (http is allowed only with CTI_DEV_MODE=true)");
		}
		if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
			throw invalid(base, "it must start with https://");
		}
		return base;
	}

	private static RuntimeException invalid(String base, String reason) {
		return ProvisioningProblems.notConfigured("public-base-url-invalid", "PUBLIC_BASE_URL not usable",
				"PUBLIC_BASE_URL '" + base + "' cannot be used for webhooks: " + reason);
	}

}
