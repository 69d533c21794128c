package com.cti.ingest.secrets;

import java.time.Instant;

import com.cti.model.WebhookSecretsUpdated;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretsJsonTests {

	@Test
	void readsWhatTheAdminServicesSerializerWrites() {
		var update = new WebhookSecretsUpdated("app-1", true, "s2", "s1", Instant.parse("2026-11-27T10:15:30.5Z"),
				Instant.parse("2026-11-26T10:15:30Z"));
		try (var serializer = new JacksonJsonSerializer<WebhookSecretsUpdated>().noTypeInfo()) {
			String json = new String(serializer.serialize("topic", update));

			assertThat(WebhookSecretsJson.read("app-1", json)).isEqualTo(update);
		}
	}

	@Test
	void readsSnakeCaseAndEpochSeconds() {
		var update = WebhookSecretsJson.read("app-2", """
				{"app_id": "app-2", "signed": true, "secret": "s2", "previous_secret": "s1",
				 "previous_secret_expires_at": 1795774530.250, "updated_at": 1795688130}""");

		assertThat(update.previousSecret()).isEqualTo("s1");
		assertThat(update.previousSecretExpiresAt()).isEqualTo(Instant.parse("2026-11-27T10:15:30.250Z"));
		assertThat(update.updatedAt()).isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
	}

	@Test
	void takesTheAppIdFromTheKeyWhenTheValueHasNone() {
		assertThat(WebhookSecretsJson.read("app-3", "{\"signed\": false}").appId()).isEqualTo("app-3");
	}

	@Test
	void refusesASignedWebhookWithoutASecretAndNonObjects() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecretsJson.read("a", "{\"signed\": true}"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecretsJson.read("a", "[]"));
	}

}
