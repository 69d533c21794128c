package com.cti.ingest.secrets;

import java.time.Instant;

import com.cti.model.WebhookSecretsUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppWebhookTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void acceptsThePreviousSecretOnlyBeforeItExpires() {
		var webhook = new AppWebhook(true, "new", "old", NOW.plusSeconds(60));

		assertThat(webhook.secretsAt(NOW)).containsExactly("new", "old");
		assertThat(webhook.secretsAt(NOW.plusSeconds(60))).containsExactly("new");
		assertThat(webhook.secretsAt(NOW.plusSeconds(61))).containsExactly("new");
	}

	@Test
	void ignoresAPreviousSecretWithoutAnExpiry() {
		assertThat(new AppWebhook(true, "new", "old", null).secretsAt(NOW)).containsExactly("new");
	}

	@Test
	void acceptsUnsignedEventsOnlyForAWebhookWithoutASecret() {
		assertThat(AppWebhook.of(new WebhookSecretsUpdated("a", false, null, null, null, NOW)).acceptsUnsigned())
			.isTrue();
		assertThat(AppWebhook.of(new WebhookSecretsUpdated("a", true, "s", null, null, NOW)).acceptsUnsigned())
			.isFalse();
		assertThat(new AppWebhook(false, null, null, null).secretsAt(NOW)).isEmpty();
	}

	@Test
	void neverShowsASecretInItsText() {
		assertThat(new AppWebhook(true, "top-secret", "old-secret", NOW)).asString()
			.doesNotContain("top-secret")
			.doesNotContain("old-secret");
	}

}
