package com.cti.admin.dialpad;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A webhook as Dialpad shows it (its id may arrive as a number or a string).
 *
 * @param id Dialpad's id of the webhook
 * @param hookUrl where Dialpad delivers events
 * @param signature how events are signed; absent when they are sent as plain JSON
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DialpadWebhook(@Nullable Long id, @Nullable String hookUrl, @Nullable Signature signature) {

	/** Whether Dialpad signs this webhook's events. */
	public boolean signed() {
		return this.signature != null && this.signature.secret() != null && !this.signature.secret().isEmpty();
	}

	/** Dialpad's signature settings of a webhook. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Signature(@Nullable String algo, @Nullable String secret, @Nullable String type) {

		@Override
		public String toString() {
			return "Signature[algo=" + this.algo + ", type=" + this.type + "]";
		}

	}

}
