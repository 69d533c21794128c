package com.cti.admin.config;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Dialpad reaches this deployment: {@code PUBLIC_BASE_URL}, or in development mode,
 * when it is not set, the address the current admin request came in on (e.g.
 * {@code http://localhost:4000} for {@code ./cti standalone}).
 */
@Component
public class PublicBaseUrl {

	private final ProvisioningProperties properties;

	public PublicBaseUrl(ProvisioningProperties properties) {
		this.properties = properties;
	}

	/** The base URL without a trailing slash, or null when there is none. */
	public @Nullable String orNull() {
		String configured = this.properties.publicBaseUrlOrNull();
		if (configured != null) {
			return configured;
		}
		if (this.properties.devMode() && RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		return null;
	}

	/** Whether development mode relaxes the checks on it. */
	public boolean devMode() {
		return this.properties.devMode();
	}

}
