package com.cti.admin.config;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
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

	private final PublicAddresses.Resolver resolver;

	@Autowired
	public PublicBaseUrl(ProvisioningProperties properties) {
		this(properties, InetAddress::getAllByName);
	}

	/** With another way of resolving host names (tests without DNS). */
	public PublicBaseUrl(ProvisioningProperties properties, PublicAddresses.Resolver resolver) {
		this.properties = properties;
		this.resolver = resolver;
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

	/**
	 * Why a URL this service hands on (a hook URL to Dialpad, a redirect URI to the
	 * browser) must not be used, or null when it may: outside development mode it must be
	 * https and resolve to public addresses only ({@link PublicAddresses}).
	 */
	public @Nullable String refusal(String url) {
		return this.properties.devMode() ? null : PublicAddresses.refusal(url, this.resolver);
	}

	/** Whether development mode relaxes the checks on it. */
	public boolean devMode() {
		return this.properties.devMode();
	}

}
