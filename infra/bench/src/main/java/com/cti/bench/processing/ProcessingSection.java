package com.cti.bench.processing;

import java.util.List;

import com.cti.bench.BenchOptions;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.IdSource;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.ledger.LedgerCheck;
import com.cti.bench.report.Figures;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.SectionResult;
import com.cti.bench.report.Verdict;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.ConsumerLag;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.Service;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 2: with the processor stopped, a backlog of realistic events is written to
 * the topic; the processor is started and the rate at which it commits (it commits only
 * after the database transaction) is measured from its first commit to the end of the
 * backlog. Beside it: a {@code COPY} of the rows it wrote into unindexed tables.
 */
public final class ProcessingSection {

	private static final double TARGET_RATE = 20_000;

	private final BenchSystem system;

	private final BenchOptions options;

	private final FixtureLibrary fixtures;

	private final IdSource ids;

	private final List<AppCredentials> apps;

	private final LedgerCheck ledgerCheck;

	private final RssSampler rss;

	public ProcessingSection(BenchSystem system, BenchOptions options, FixtureLibrary fixtures, IdSource ids,
			List<AppCredentials> apps, LedgerCheck ledgerCheck, RssSampler rss) {
		this.system = system;
		this.options = options;
		this.fixtures = fixtures;
		this.ids = ids;
		this.apps = apps;
		this.ledgerCheck = ledgerCheck;
		this.rss = rss;
	}

	public SectionResult run() throws Exception {
		var result = new SectionResult();
		var ledger = new Ledger("processing", this.apps.stream().map(AppCredentials::id).toList());
		long backlog = this.options.backlog();
		String measure = String.format("events/s from a Kafka backlog of %,d events into all projections", backlog);
		this.system.awaitDrained(this.options.drainTimeout());
		Log.info("processing: stopping the processor and writing a backlog of %,d events", backlog);
		this.system.stopService(Service.PROCESSOR);
		long failed = BacklogWriter.write(this.system.kafka().bootstrapServers(), this.fixtures, this.ids, this.apps,
				backlog, ledger);
		if (failed > 0) {
			result.note("Processing: " + failed
					+ " backlog events were not acknowledged by the broker (not in the ledger).");
		}
		Measured measured;
		try (ConsumerLag lag = this.system.consumerLag()) {
			long before = lag.committedTotal();
			Log.info("processing: starting the processor on a lag of %,d events", lag.lag());
			this.rss.phase("processing");
			this.system.startService(Service.PROCESSOR);
			measured = follow(lag, before);
			this.rss.phase("between");
		}
		if (measured == null) {
			result
				.row(ReportRow.notAvailable("2. Processing", measure, "the processor did not finish the backlog within "
						+ this.options.drainTimeout().toMinutes() + " min", "≥ 20,000 events/s"));
		}
		else {
			Log.info("processing: %,.0f events/s; measuring the COPY ceiling", measured.rate());
			CopyCeiling.Result copy;
			try (var connection = this.system.db()) {
				copy = CopyCeiling.measure(connection, this.apps.stream().map(AppCredentials::id).toList(),
						this.system.runDirectory().resolve("copy"));
			}
			double ceiling = ledger.size() / copy.seconds();
			result.row(new ReportRow("2. Processing", measure,
					(measured.lowerBound() ? "≥ " : "") + Figures.rate(measured.rate(), "events"),
					String.format("COPY of the same %,d rows into unindexed tables: %s", copy.totalRows(),
							Figures.rate(ceiling, "events")),
					Figures.percentOf(measured.rate(), ceiling), "≥ 20,000 events/s",
					Verdict.of(measured.rate() >= TARGET_RATE)));
			result.note(String.format(
					"Processing: rate = events committed between the first commit seen and the end of the backlog "
							+ "(%,d events in %.1f s, offsets polled every 100 ms), the processor's start-up excluded; "
							+ "COPY rows per table %s loaded in %.1f s.",
					measured.events(), measured.seconds(), copy.rows(), copy.seconds()));
		}
		boolean drained = this.system.awaitDrained(this.options.drainTimeout());
		result.ledger(this.ledgerCheck.check(ledger, drained));
		return result;
	}

	private @Nullable Measured follow(ConsumerLag lag, long before) throws Exception {
		long started = System.nanoTime();
		long deadline = started + this.options.drainTimeout().toNanos();
		long firstNanos = 0;
		long firstCommitted = 0;
		while (System.nanoTime() < deadline) {
			long committed = lag.committedTotal();
			long now = System.nanoTime();
			if (firstNanos == 0 && committed > before) {
				firstNanos = now;
				firstCommitted = committed;
			}
			if (firstNanos != 0 && lag.lag() == 0) {
				if (committed > firstCommitted) {
					return new Measured(committed - firstCommitted, (now - firstNanos) / 1e9, false);
				}
				// all of it was applied before the first poll: a lower bound from the
				// start
				return new Measured(committed - before, (now - started) / 1e9, true);
			}
			Thread.sleep(100);
		}
		return null;
	}

	private record Measured(long events, double seconds, boolean lowerBound) {

		double rate() {
			return this.events / this.seconds;
		}

	}

}
