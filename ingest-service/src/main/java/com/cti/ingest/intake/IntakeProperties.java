package com.cti.ingest.intake;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the internal intake.
 *
 * @param internalApiSecret the Bearer secret the admin service sends
 * ({@code INTERNAL_API_SECRET}, the admin's own); without it the intake is off and
 * answers 404
 * @param maxCalls the most calls one request may carry (413 above it)
 * @param maxBodySize the largest body accepted (413 above it)
 */
@Validated
@ConfigurationProperties("cti.ingest.intake")
public record IntakeProperties(@Nullable String internalApiSecret, @DefaultValue("500") @Positive int maxCalls,
		@DefaultValue("5MB") DataSize maxBodySize) {

	/** Whether the intake is on: only with a secret to check callers against. */
	boolean enabled() {
		return this.internalApiSecret != null && !this.internalApiSecret.isBlank();
	}

}
