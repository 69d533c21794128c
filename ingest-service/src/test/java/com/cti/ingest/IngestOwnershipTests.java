package com.cti.ingest;

import java.nio.file.Path;

import com.cti.fixtures.Ownership;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest produces only to the topics it owns ({@code cti.dialpad-events}, of which it is
 * the one producer, and {@code cti.ingest-status}) and writes no table.
 */
class IngestOwnershipTests {

	@Test
	void producesOnlyToItsOwnTopics() {
		assertThat(Ownership.breaches(Path.of(""))).isEmpty();
	}

}
