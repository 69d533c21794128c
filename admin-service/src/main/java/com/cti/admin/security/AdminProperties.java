package com.cti.admin.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin API.
 *
 * @param internalApiSecret the Bearer secret of {@code /internal}
 * ({@code INTERNAL_API_SECRET})
 */
@Validated
@ConfigurationProperties("cti.admin")
public record AdminProperties(@NotBlank(message = "INTERNAL_API_SECRET must be set") String internalApiSecret) {
}
