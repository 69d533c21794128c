package com.cti.admin.apps;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of key rotation.
 *
 * @param rotationGrace how long the previous keys keep working after a rotation when the
 * request does not say ({@code cti.admin.api-keys.rotation-grace}, default 24 h)
 * @param maxRotationGrace the longest grace period a request may ask for (default 30
 * days)
 */
@Validated
@ConfigurationProperties("cti.admin.api-keys")
record KeyRotationProperties(@DefaultValue("24h") Duration rotationGrace,
		@DefaultValue("30d") Duration maxRotationGrace) {

	KeyRotationProperties {
		if (rotationGrace.isNegative() || rotationGrace.compareTo(maxRotationGrace) > 0) {
			throw new IllegalArgumentException(
					"cti.admin.api-keys.rotation-grace must be between 0 and cti.admin.api-keys.max-rotation-grace");
		}
	}

}
