package com.cti.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarksFileTests {

	@Test
	void startsTheFileWithTheIntroduction() {
		String text = BenchmarksFile.insert("", "## run 1\n");
		assertThat(text).startsWith("# Benchmarks").contains(BenchmarksFile.MARKER).endsWith("## run 1\n");
	}

	@Test
	void insertsEachNewRunAboveTheEarlierOnesAndChangesNothingElse() {
		String first = BenchmarksFile.insert("", "## run 1\nfigures 1\n");
		String second = BenchmarksFile.insert(first, "## run 2\nfigures 2\n");
		String third = BenchmarksFile.insert(second, "## run 3\n");
		assertThat(third.indexOf("## run 3")).isLessThan(third.indexOf("## run 2"));
		assertThat(third.indexOf("## run 2")).isLessThan(third.indexOf("## run 1"));
		assertThat(third).contains("figures 1").contains("figures 2");
		assertThat(third.substring(0, third.indexOf(BenchmarksFile.MARKER)))
			.isEqualTo(first.substring(0, first.indexOf(BenchmarksFile.MARKER)));
	}

	@Test
	void keepsAFileWrittenByHandBelowTheNewRun() {
		String text = BenchmarksFile.insert("some earlier notes\n", "## run 1\n");
		assertThat(text.indexOf("## run 1")).isLessThan(text.indexOf("some earlier notes"));
	}

}
