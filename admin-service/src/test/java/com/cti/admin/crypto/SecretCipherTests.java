package com.cti.admin.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import com.cti.admin.config.ProvisioningProperties;
import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

	private static final String OTHER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String INTERNAL_SECRET = "internal-api-secret-0123456789abcdef";

	@Test
	void sealsAValueThatOnlyTheSameKeyAndContextOpen() {
		SecretCipher cipher = cipher(KEY, false);

		byte[] sealed = cipher.encrypt("webhook-secret", "row:1");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("webhook-secret");
		assertThat(cipher.decrypt(sealed, "row:1")).isEqualTo("webhook-secret");
		assertThat(cipher.encrypt("webhook-secret", "row:1")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> cipher.decrypt(sealed, "row:2"))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(500));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> cipher(OTHER_KEY, false).decrypt(sealed, "row:1"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("another CTI_ENCRYPTION_KEY"));
		byte[] tampered = Arrays.copyOf(sealed, sealed.length);
		tampered[tampered.length - 1] ^= 1;
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> cipher.decrypt(tampered, "row:1"));
	}

	@Test
	void opensAValueSealedBeforeTheServiceUsedTink() {
		// what the hand-written AES-GCM envelope wrote with KEY, nonce 000102..0b
		byte[] sealed = HexFormat.of()
			.parseHex("0135939753000102030405060708090a0b9479a220991efac2ec4fb2412c2849d2ff93e15dd34ed390f3ac7af40f09");

		assertThat(cipher(KEY, false).decrypt(sealed, "row:1")).isEqualTo("webhook-secret");
	}

	@Test
	void encryptsWithTheFirstKeyAndDecryptsWithEveryListedOne() {
		byte[] sealedWithOld = cipher(KEY, false).encrypt("old", "c");
		SecretCipher rotated = cipher(OTHER_KEY + ", " + KEY, false);

		byte[] sealedWithNew = rotated.encrypt("new", "c");

		assertThat(rotated.decrypt(sealedWithOld, "c")).isEqualTo("old");
		assertThat(cipher(OTHER_KEY, false).decrypt(sealedWithNew, "c")).isEqualTo("new");
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> cipher(KEY, false).decrypt(sealedWithNew, "c"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("another CTI_ENCRYPTION_KEY"));
		assertThatIllegalStateException().isThrownBy(() -> cipher(KEY + "," + KEY, false))
			.withMessageContaining("twice");
	}

	@Test
	void derivesADevelopmentKeyFromTheInternalSecretOnlyInDevelopmentMode() {
		SecretCipher dev = new SecretCipher(new ProvisioningProperties(null, null, true, INTERNAL_SECRET));
		byte[] sealed = dev.encrypt("v", "c");

		assertThat(dev.available()).isTrue();
		assertThat(new SecretCipher(new ProvisioningProperties(null, "", true, INTERNAL_SECRET)).decrypt(sealed, "c"))
			.isEqualTo("v");
		SecretCipher production = new SecretCipher(new ProvisioningProperties(null, null, false, INTERNAL_SECRET));
		assertThat(production.available()).isFalse();
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> production.encrypt("v", "c"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getBody().getDetail()).contains("CTI_ENCRYPTION_KEY");
			});
	}

	@Test
	void refusesAKeyThatIsNot32BytesOfBase64AtStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> cipher("c2hvcnQ=", false)).withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> cipher("not base64 at all!", false))
			.withMessageContaining("base64");
		assertThat(cipher(KEY.replace('+', '-').replace('/', '_'), false).available()).isTrue();
	}

	@Test
	void implementsHkdfAsRfc5869Says() {
		// RFC 5869, test case 1
		byte[] okm = EncryptionKeys.hkdf(HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
				HexFormat.of().parseHex("000102030405060708090a0b0c"), HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"),
				42);

		assertThat(HexFormat.of().formatHex(okm))
			.isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

	private static SecretCipher cipher(String key, boolean devMode) {
		return new SecretCipher(new ProvisioningProperties(null, key, devMode, INTERNAL_SECRET));
	}

}
