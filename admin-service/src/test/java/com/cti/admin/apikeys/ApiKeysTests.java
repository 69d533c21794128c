package com.cti.admin.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	@Test
	void generatesKeysOf32RandomBytesBehindARecognisablePrefix() {
		String key = ApiKeys.generate();

		assertThat(key).startsWith("cti_").matches("cti_[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(key.substring(4))).hasSize(32);
	}

	@Test
	void neverGeneratesTheSameKeyTwice() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			keys.add(ApiKeys.generate());
		}
		assertThat(keys).hasSize(1000);
	}

	@Test
	void hashesWithSha256() throws Exception {
		String key = "cti_abc";

		assertThat(ApiKeys.hash(key))
			.isEqualTo(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
			.hasSize(32);
		assertThat(ApiKeys.hash(key)).isNotEqualTo(ApiKeys.hash("cti_abd"));
	}

	@Test
	void showsOnlyTheFirstTwelveCharacters() {
		String key = ApiKeys.generate();

		assertThat(ApiKeys.visiblePrefix(key)).hasSize(12).isEqualTo(key.substring(0, 12)).startsWith("cti_");
		assertThat(ApiKeys.visiblePrefix("cti_short")).isEqualTo("cti_short");
	}

}
