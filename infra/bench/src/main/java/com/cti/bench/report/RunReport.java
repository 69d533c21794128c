package com.cti.bench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cti.bench.ledger.LedgerResult;

/**
 * One run's results: the table, with the date, commit, machine and settings, the ledger
 * of each section and notes on how each figure was measured. A run whose ledger does not
 * balance is VOID: its figures are shown but marked void, not as results.
 */
public final class RunReport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final String mode;

	private final Instant date;

	private final String commit;

	private final MachineInfo machine;

	private final Map<String, String> settings = new LinkedHashMap<>();

	private final List<ReportRow> rows = new ArrayList<>();

	private final List<LedgerResult> ledgers = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	public RunReport(String mode, Instant date, String commit, MachineInfo machine) {
		this.mode = mode;
		this.date = date;
		this.commit = commit;
		this.machine = machine;
	}

	public void setting(String name, String value) {
		this.settings.put(name, value);
	}

	public void add(SectionResult section) {
		this.rows.addAll(section.rows());
		this.ledgers.addAll(section.ledgers());
		this.notes.addAll(section.notes());
	}

	/** A warning shown in bold under the run's title. */
	public void warning(String warning) {
		this.warnings.add(warning);
	}

	public void note(String note) {
		this.notes.add(note);
	}

	public boolean isVoid() {
		return this.ledgers.stream().anyMatch((ledger) -> !ledger.balanced());
	}

	public List<ReportRow> rows() {
		return this.rows;
	}

	/** The run as a Markdown section of BENCHMARKS.md. */
	public String toMarkdown() {
		var md = new StringBuilder();
		md.append("## ")
			.append(DATE.format(this.date))
			.append(" · ")
			.append(this.mode)
			.append(" · commit ")
			.append(this.commit)
			.append("\n\n");
		this.warnings.forEach((warning) -> md.append("**").append(warning).append("**\n\n"));
		if (isVoid()) {
			md.append("**VOID: a ledger did not balance (see below), so these figures are not results.**\n\n");
		}
		else if (this.ledgers.isEmpty()) {
			md.append("Ledger: no section of this run sent events.\n\n");
		}
		else {
			md.append("Ledger: balanced (every accepted event accounted for, see below).\n\n");
		}
		md.append("Machine: ").append(this.machine.describe()).append("\n\n");
		md.append("| Section | Measure | Result | Ceiling (same run) | Ratio | Target | Target met? |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (ReportRow row : this.rows) {
			String verdict = (isVoid() && row.verdict() != Verdict.NONE) ? "void" : row.verdict().text();
			md.append("| ")
				.append(cell(row.section()))
				.append(" | ")
				.append(cell(row.measure()))
				.append(" | ")
				.append(cell(row.result()))
				.append(" | ")
				.append(cell(row.ceiling()))
				.append(" | ")
				.append(cell(row.ratio()))
				.append(" | ")
				.append(cell(row.target()))
				.append(" | ")
				.append(verdict)
				.append(" |\n");
		}
		if (!this.ledgers.isEmpty()) {
			md.append("\nLedger per section:\n\n");
			this.ledgers.forEach((ledger) -> md.append("- ")
				.append(ledger.section())
				.append(": ")
				.append(ledger.describe())
				.append('\n'));
		}
		md.append("\nSettings:\n\n");
		this.settings.forEach((name, value) -> md.append("- ").append(name).append(": ").append(value).append('\n'));
		if (!this.notes.isEmpty()) {
			md.append("\nNotes:\n\n");
			this.notes.forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
