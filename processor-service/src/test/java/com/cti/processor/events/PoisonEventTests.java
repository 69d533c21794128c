package com.cti.processor.events;

import com.cti.model.DialpadEventReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison record's row is identified by where the record is, so that a redelivery of it
 * records nothing twice; its content hash is the one rows recorded before kept.
 */
class PoisonEventTests {

	@Test
	void hashesTheRecordsLocationTheSameWayEveryTime() {
		var record = new ConsumerRecord<String, DialpadEventReceived>("cti.dialpad-events", 2, 41, "key", null);

		PoisonEvent first = PoisonEvent.of(record, "not an envelope");
		PoisonEvent again = PoisonEvent.of(record, "not an envelope");
		PoisonEvent next = PoisonEvent.of(new ConsumerRecord<>("cti.dialpad-events", 2, 42, "key", null), "x");

		// SHA-256 of "poison:cti.dialpad-events-2@41"
		assertThat(first.stored().contentHash())
			.isEqualTo("6db093eff049f0554d19a156c13822c1c23fe2e9324a0380f4742841593c2b1c")
			.isEqualTo(again.stored().contentHash())
			.isNotEqualTo(next.stored().contentHash());
		assertThat(first.stored().id()).isEqualTo(again.stored().id()).isNotEqualTo(next.stored().id());
	}

}
