package com.cti.bench.report;

import java.time.Instant;

import com.cti.bench.ledger.LedgerResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportTests {

	private static final MachineInfo MACHINE = new MachineInfo("AMD EPYC", 2, 24L << 30, "Linux", "OpenJDK 17");

	@Test
	void writesTheTableWithTheRunsContext() {
		RunReport report = report(true);
		report.setting("Services", "java -jar");
		String markdown = report.toMarkdown();
		assertThat(markdown).startsWith("## 2025-11-26 21:00 UTC · full run · commit abc1234\n")
			.contains("Ledger: balanced")
			.contains("AMD EPYC, 2 cores, 24.0 GiB RAM")
			.contains(
					"| 1. Ingest | highest rate | 4,000 events/s | no-op: 9,000 req/s | 44% | ≥ 5,000/s | **missed** |")
			.contains("| 3. Queries | GET /api/calls/active | not available: 404 |  |  | p99 < 25 ms | not available |")
			.contains("- Services: java -jar");
	}

	@Test
	void showsWarningsUnderTheTitle() {
		RunReport report = report(true);
		report.warning("NOT REPRESENTATIVE: busy");
		assertThat(report.toMarkdown()).contains("abc1234\n\n**NOT REPRESENTATIVE: busy**\n\nLedger: balanced");
	}

	@Test
	void aRunWhoseLedgerDoesNotBalanceIsVoid() {
		String markdown = report(false).toMarkdown();
		assertThat(markdown).contains("**VOID: a ledger did not balance")
			.contains("| 44% | ≥ 5,000/s | void |")
			.contains("UNBALANCED");
	}

	private static RunReport report(boolean balanced) {
		var report = new RunReport("full run", Instant.parse("2025-11-26T21:00:00Z"), "abc1234", MACHINE);
		var section = new SectionResult()
			.row(new ReportRow("1. Ingest", "highest rate", "4,000 events/s", "no-op: 9,000 req/s", "44%", "≥ 5,000/s",
					Verdict.MISSED))
			.row(ReportRow.notAvailable("3. Queries", "GET /api/calls/active", "404", "p99 < 25 ms"))
			.ledger(new LedgerResult("ingest", 10, balanced ? 10 : 9, 0, 0, balanced ? 0 : 1, 0, 3, 0, 0, -1, null,
					true));
		report.add(section);
		return report;
	}

}
