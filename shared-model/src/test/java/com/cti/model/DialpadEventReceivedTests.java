package com.cti.model;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DialpadEventReceivedTests {

	@Test
	void roundTripsThroughJsonKeepingThePayloadExactly() {
		var payload = "{ \"call_id\": 6400000000000101,\n \"state\":\"calling\" }";
		var event = new DialpadEventReceived(UUID.randomUUID(), "app", EventKind.CALL,
				Instant.parse("2026-11-26T10:00:00.123Z"), payload, "abc", DialpadEventReceived.CURRENT_SCHEMA_VERSION);
		var mapper = JsonMapper.builder().build();

		var read = mapper.readValue(mapper.writeValueAsBytes(event), DialpadEventReceived.class);

		assertThat(read).isEqualTo(event);
		assertThat(read.payload()).isEqualTo(payload);
	}

	@Test
	void refusesMissingPayload() {
		assertThatNullPointerException().isThrownBy(() -> new DialpadEventReceived(UUID.randomUUID(), null,
				EventKind.UNKNOWN, Instant.now(), null, "h", 1));
	}

}
