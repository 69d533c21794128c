package com.cti.bench.report;

import java.util.ArrayList;
import java.util.List;

import com.cti.bench.ledger.LedgerResult;

/**
 * What one section of the run produced: its rows, its ledger checks and notes on how it
 * measured.
 */
public final class SectionResult {

	private final List<ReportRow> rows = new ArrayList<>();

	private final List<LedgerResult> ledgers = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	public SectionResult row(ReportRow row) {
		this.rows.add(row);
		return this;
	}

	public SectionResult ledger(LedgerResult ledger) {
		this.ledgers.add(ledger);
		return this;
	}

	public SectionResult note(String note) {
		this.notes.add(note);
		return this;
	}

	public List<ReportRow> rows() {
		return this.rows;
	}

	public List<LedgerResult> ledgers() {
		return this.ledgers;
	}

	public List<String> notes() {
		return this.notes;
	}

}
