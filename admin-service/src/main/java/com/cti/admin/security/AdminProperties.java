package com.cti.admin.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the admin API.
 *
 * @param internalApiSecret the Bearer secret of {@code /internal}
 * ({@code INTERNAL_API_SECRET}); at least {@value #MIN_SECRET_LENGTH} characters unless
 * in dev mode
 * @param devMode relaxes production checks for local development
 * ({@code cti.admin.dev-mode}, environment {@code CTI_DEV_MODE}, default false)
 * @param authFailures how many failed authentications one source address may make
 */
@Validated
@ConfigurationProperties("cti.admin")
public record AdminProperties(@NotBlank(message = "INTERNAL_API_SECRET must be set") String internalApiSecret,
		@DefaultValue("false") boolean devMode, @Valid @DefaultValue AuthFailures authFailures) {

	/** The shortest {@code INTERNAL_API_SECRET} accepted outside dev mode. */
	public static final int MIN_SECRET_LENGTH = 32;

	@AssertTrue(message = "INTERNAL_API_SECRET must be at least " + MIN_SECRET_LENGTH
			+ " characters long (generate one with: openssl rand -base64 32); a shorter one is accepted only in"
			+ " dev mode (CTI_DEV_MODE=true)")
	public boolean isInternalApiSecretStrong() {
		return this.devMode || this.internalApiSecret == null || this.internalApiSecret.isBlank()
				|| this.internalApiSecret.length() >= MIN_SECRET_LENGTH;
	}

	/**
	 * The rate limit of failed authentications per source address: after
	 * {@code maxAttempts} failures, every request from that address is refused with 429
	 * until the bucket refills ({@code maxAttempts} per {@code period}).
	 *
	 * @param maxAttempts failures allowed per period
	 * ({@code cti.admin.auth-failures.max-attempts}, default 10)
	 * @param period the refill period ({@code cti.admin.auth-failures.period}, default 1
	 * minute)
	 */
	public record AuthFailures(@DefaultValue("10") @Positive int maxAttempts, @DefaultValue("1m") Duration period) {

		public AuthFailures {
			if (period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("cti.admin.auth-failures.period must be positive");
			}
		}

	}

}
