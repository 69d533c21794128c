package com.cti.bench.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerResultTests {

	@Test
	void balancesWhenEveryAcceptedEventIsFoundOnce() {
		var result = new LedgerResult("ingest", 100, 100, 0, 0, 0, 0, 30, 0, 10, -1, null, true);
		assertThat(result.balanced()).isTrue();
		assertThat(result.describe()).startsWith("balanced: 100 accepted");
	}

	@Test
	void eventsOnTheDeadLetterTopicAreAccountedFor() {
		assertThat(new LedgerResult("ingest", 100, 98, 0, 0, 2, 2, 30, 0, 0, -1, null, true).balanced()).isTrue();
	}

	@Test
	void doesNotBalanceWhenAnEventIsMissingOrDuplicatedOrALegHasNoRow() {
		assertThat(new LedgerResult("ingest", 100, 99, 0, 0, 1, 0, 30, 0, 0, -1, null, true).balanced()).isFalse();
		assertThat(new LedgerResult("ingest", 100, 99, 0, 1, 0, 0, 30, 0, 0, -1, null, true).balanced()).isFalse();
		assertThat(new LedgerResult("ingest", 100, 100, 0, 0, 0, 0, 30, 1, 0, -1, null, true).balanced()).isFalse();
		assertThat(new LedgerResult("ingest", 100, 100, 0, 0, 0, 0, 30, 0, 10, 2, null, true).balanced()).isFalse();
		assertThat(new LedgerResult("ingest", 100, 100, 0, 0, 0, 0, 30, 0, 0, -1, null, false).describe())
			.startsWith("UNBALANCED")
			.contains("NOT caught up");
	}

	@Test
	void hashesPayloadsTheWayPostgresMd5DoesOverUtf8() {
		assertThat(LedgerEntry.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
		assertThat(LedgerEntry.md5("{\"a\":1}")).isEqualTo("bb6cb5c68df4652941caf652a366f2d8");
		assertThat(LedgerEntry.md5("é")).isEqualTo("66ddcd97cfdeabb2f6fb8a999b4bc76f");
	}

}
