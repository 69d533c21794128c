package com.cti.platform.crypto;

import java.time.Instant;

import com.cti.model.WebhookSecretsUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookSecretsSealTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

	private static final String OTHER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final WebhookSecretsSeal seal = new WebhookSecretsSeal(EncryptionKeyring.parse(KEY));

	private static final WebhookSecretsUpdated ROTATED = new WebhookSecretsUpdated("app-1", true, "s2-current",
			"s1-previous", Instant.parse("2026-11-27T10:15:30Z"), Instant.parse("2026-11-26T10:15:30Z"));

	@Test
	void sealsBothSecretsSoThatOnlyTheKeyOpensThem() {
		WebhookSecretsUpdated sealed = seal.seal(ROTATED);

		assertThat(sealed.secret()).startsWith(WebhookSecretsSeal.PREFIX).doesNotContain("s2-current");
		assertThat(sealed.previousSecret()).startsWith(WebhookSecretsSeal.PREFIX).doesNotContain("s1-previous");
		assertThat(sealed.toString()).doesNotContain("sealed:");
		assertThat(WebhookSecretsSeal.isSealed(sealed)).isTrue();
		assertThat(seal.open(sealed)).isEqualTo(ROTATED);
		assertThat(new WebhookSecretsSeal(EncryptionKeyring.parse(OTHER_KEY + "," + KEY)).open(sealed))
			.as("a key listed after a new one still opens")
			.isEqualTo(ROTATED);
		assertThatExceptionOfType(EncryptionKeyring.UndecryptableException.class)
			.isThrownBy(() -> new WebhookSecretsSeal(EncryptionKeyring.parse(OTHER_KEY)).open(sealed))
			.withMessageContaining("another CTI_ENCRYPTION_KEY");
	}

	@Test
	void refusesASealedSecretMovedToAnotherAppOrField() {
		WebhookSecretsUpdated sealed = seal.seal(ROTATED);

		assertThatExceptionOfType(EncryptionKeyring.UndecryptableException.class).isThrownBy(() -> seal
			.open(new WebhookSecretsUpdated("app-2", true, sealed.secret(), null, null, ROTATED.updatedAt())));
		assertThatExceptionOfType(EncryptionKeyring.UndecryptableException.class).isThrownBy(() -> seal
			.open(new WebhookSecretsUpdated("app-1", true, sealed.previousSecret(), null, null, ROTATED.updatedAt())));
		assertThatExceptionOfType(EncryptionKeyring.UndecryptableException.class).isThrownBy(() -> seal
			.open(new WebhookSecretsUpdated("app-1", true, "sealed:v1:not base64!", null, null, ROTATED.updatedAt())));
	}

	@Test
	void readsTheSecretsWrittenInClearBeforeTheTopicWasSealed() {
		assertThat(WebhookSecretsSeal.isSealed(ROTATED)).isFalse();
		assertThat(seal.open(ROTATED)).isEqualTo(ROTATED);
		WebhookSecretsUpdated unsigned = new WebhookSecretsUpdated("app-1", false, null, null, null,
				ROTATED.updatedAt());
		assertThat(seal.seal(unsigned)).isEqualTo(unsigned);
	}

	@Test
	void refusesAKeyThatIsNot32BytesOfBase64() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> EncryptionKeyring.parse("c2hvcnQ="))
			.withMessageContaining("32 bytes");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> EncryptionKeyring.parse("%%%"))
			.withMessageContaining("not base64");
	}

}
