package com.cti.admin.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The deployment settings that Dialpad provisioning needs (the security settings under
 * the same prefix belong to the security feature).
 *
 * @param publicBaseUrl where Dialpad reaches this deployment from the internet
 * ({@code PUBLIC_BASE_URL}, e.g. {@code https://cti.example.com}): webhook and OAuth
 * callback URLs start with it
 * @param encryptionKey the AES-256 key that encrypts webhook secrets and OAuth tokens at
 * rest, 32 random bytes in base64 ({@code CTI_ENCRYPTION_KEY})
 * @param devMode development mode ({@code CTI_DEV_MODE}): allows an http
 * {@code PUBLIC_BASE_URL} and an encryption key derived from {@code INTERNAL_API_SECRET}
 * @param internalApiSecret {@code INTERNAL_API_SECRET}, read here only to derive a
 * development encryption key
 */
@ConfigurationProperties("cti.admin")
public record ProvisioningProperties(@Nullable String publicBaseUrl, @Nullable String encryptionKey, boolean devMode,
		@Nullable String internalApiSecret) {

	/** The public base URL without a trailing slash, or null when it is not set. */
	public @Nullable String publicBaseUrlOrNull() {
		if (!StringUtils.hasText(this.publicBaseUrl)) {
			return null;
		}
		String url = this.publicBaseUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
