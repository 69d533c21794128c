package com.cti.ingest.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content hash is stored with every recorded event, so its rule is part of the wire
 * contract: these values must not change between versions.
 */
class ContentHashTests {

	@Test
	void callEventHashIsTheSha256OfItsIdentity() {
		assertThat(ContentHash.ofCall("6400000000000101", "ringing", "1764158400000"))
			.isEqualTo("3f460d8b00ec2da285490d01ce1fe8e61ea7a10c8376b71a0c3fb54410bd6122");
	}

	@Test
	void smsEventHashWritesAMissingFieldAsNull() {
		assertThat(ContentHash.ofSms("42", "delivered", null))
			.isEqualTo("d3ee8ee14dc49d721df9c094fb47d5d2abaa7cab243785aad28319b3df4ef1ad");
	}

	@Test
	void differentStatesHashDifferently() {
		assertThat(ContentHash.ofCall("1", "ringing", "5")).isNotEqualTo(ContentHash.ofCall("1", "connected", "5"));
	}

}
