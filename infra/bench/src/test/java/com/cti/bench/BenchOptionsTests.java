package com.cti.bench;

import java.nio.file.Path;
import java.time.Duration;

import com.cti.bench.BenchOptions.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	private static final Path REPO = Path.of("/repo");

	@Test
	void defaultsToTheFullRunOfTheIssue() {
		BenchOptions options = BenchOptions.parse(new String[0], REPO);
		assertThat(options.sections()).containsExactlyInAnyOrder(Section.values());
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.backlog()).isEqualTo(1_000_000);
		assertThat(options.calls()).isEqualTo(10_000_000);
		assertThat(options.apps()).isEqualTo(100);
		assertThat(options.queryRate()).isEqualTo(200);
		assertThat(options.freshnessRate()).isEqualTo(1_000);
		assertThat(options.p99Limit()).isEqualTo(Duration.ofMillis(25));
		assertThat(options.output()).isEqualTo(REPO.resolve("BENCHMARKS.md"));
	}

	@Test
	void quickScalesDownAndOptionsOverride() {
		BenchOptions options = BenchOptions.parse(new String[] { "--quick", "--only", "ingest,queries", "--calls",
				"5000", "--service-env", "A=b=c", "--no-write" }, REPO);
		assertThat(options.quick()).isTrue();
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.backlog()).isEqualTo(50_000);
		assertThat(options.calls()).isEqualTo(5_000);
		assertThat(options.sections()).containsExactlyInAnyOrder(Section.INGEST, Section.QUERIES);
		assertThat(options.serviceEnvironment()).containsEntry("A", "b=c");
		assertThat(options.output()).isNull();
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "--fast" }, REPO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--only", "everything" }, REPO));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "--calls" }, REPO));
	}

}
