package com.cti.bench.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.cti.bench.BenchOptions;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.IdSource;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.ledger.LedgerCheck;
import com.cti.bench.load.LoadResult;
import com.cti.bench.load.RateSearch;
import com.cti.bench.report.Figures;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.SectionResult;
import com.cti.bench.report.Verdict;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.Service;
import com.cti.bench.system.ServiceProcess;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 1: the highest rate the ingest service sustains with p99 under the limit
 * (every event published with acks=all to the real broker, the processor consuming beside
 * it), beside the same search against a no-op endpoint on the same HTTP stack.
 */
public final class IngestSection {

	private static final double TARGET_RATE = 5_000;

	private static final double MAX_RATE = 50_000;

	private final BenchSystem system;

	private final BenchOptions options;

	private final WebhookTraffic traffic;

	private final LedgerCheck ledgerCheck;

	private final RssSampler rss;

	private final AtomicLong seeds = new AtomicLong(1);

	private Duration noopWarmUp = Duration.ZERO;

	private Duration ingestWarmUp = Duration.ZERO;

	public IngestSection(BenchSystem system, BenchOptions options, FixtureLibrary fixtures, IdSource ids,
			List<AppCredentials> apps, LedgerCheck ledgerCheck, RssSampler rss) {
		this.system = system;
		this.options = options;
		this.traffic = new WebhookTraffic(fixtures, ids, system.webhookSecret(), apps,
				(random) -> random.nextInt(apps.size()), options.connections(), 16);
		this.ledgerCheck = ledgerCheck;
		this.rss = rss;
	}

	public SectionResult run() throws Exception {
		var result = new SectionResult();
		RateSearch.Outcome noop;
		RateSearch.Outcome ingest;
		LoadResult noopAtIngestRate = null;
		var ledger = new Ledger("ingest", this.traffic.apps().stream().map(AppCredentials::id).toList());
		double startRate = this.options.quick() ? 250 : 500;
		try (ServiceProcess noopServer = NoopServer.start(this.system.runDirectory().resolve("noop"),
				this.system.settings().serviceJvmOptions())) {
			Log.info("ingest ceiling: rate search against the no-op endpoint");
			this.noopWarmUp = warmUp(noopServer.port(), null);
			noop = search(noopServer.port(), null).search(startRate, MAX_RATE);
			this.rss.phase("ingest");
			Log.info("ingest: rate search against the ingest service");
			int ingestPort = this.system.port(Service.INGEST);
			this.ingestWarmUp = warmUp(ingestPort, ledger);
			ingest = search(ingestPort, ledger).search(startRate, MAX_RATE);
			this.rss.phase("between");
			if (ingest.best() != null) {
				double rate = ingest.best().rate();
				Log.info("ingest ceiling: the no-op endpoint at the ingest's rate, %,.0f/s", rate);
				noopAtIngestRate = this.traffic.run(noopServer.port(), rate, this.options.duration(), nextSeed(), null,
						null);
				Log.info("  %s", noopAtIngestRate.summary());
			}
		}
		Log.info("ingest: waiting for the processor to catch up, then checking the ledger");
		boolean drained = this.system.awaitDrained(this.options.drainTimeout());
		result.ledger(this.ledgerCheck.check(ledger, drained));
		addRows(result, noop, ingest, noopAtIngestRate);
		return result;
	}

	private RateSearch search(int port, @Nullable Ledger ledger) {
		RateSearch.Probe probe = (rate, duration) -> {
			if (ledger != null) {
				this.system.awaitDrained(this.options.drainTimeout());
			}
			LoadResult result = this.traffic.run(port, rate, duration, nextSeed(), ledger, null);
			Log.info("  %s -> %s", result.summary(),
					result.sustained(this.options.p99Limit()) ? "sustained" : "not sustained");
			return result;
		};
		return new RateSearch(probe, (result) -> result.sustained(this.options.p99Limit()),
				this.options.probeDuration(), this.options.duration());
	}

	/**
	 * Warms a target up until two chunks in a row meet the p99 limit, or for at most 90 s
	 * (quick) / 180 s: a fresh JVM spends its first tens of thousands of requests
	 * compiling the request path, and a probe taken then measures the JIT compiler on two
	 * cores, not the service a deployment runs warm (the ingest service took 90 s on the
	 * benchmark machine).
	 */
	private Duration warmUp(int port, @Nullable Ledger ledger) {
		Duration chunk = Duration.ofSeconds(this.options.quick() ? 5 : 10);
		Duration limit = Duration.ofSeconds(this.options.quick() ? 90 : 180);
		double rate = this.options.quick() ? 300 : 500;
		Duration spent = Duration.ZERO;
		int passed = 0;
		while (passed < 2 && spent.compareTo(limit) < 0) {
			LoadResult result = this.traffic.run(port, rate, chunk, nextSeed(), ledger, null);
			spent = spent.plus(chunk);
			passed = result.sustained(this.options.p99Limit()) ? passed + 1 : 0;
			Log.info("  warm-up %s", result.summary());
		}
		if (passed < 2) {
			Log.info("  warm-up: p99 had not settled under the limit after %d s; measuring anyway", spent.toSeconds());
		}
		return spent;
	}

	private long nextSeed() {
		return this.seeds.getAndIncrement();
	}

	private void addRows(SectionResult result, RateSearch.Outcome noop, RateSearch.Outcome ingest,
			@Nullable LoadResult noopAtIngestRate) {
		String limit = this.options.p99Limit().toMillis() + " ms";
		long seconds = this.options.duration().toSeconds();
		double noopRate = (noop.best() != null) ? noop.best().rate() : 0;
		String ceiling = (noop.best() != null) ? "no-op endpoint: " + Figures.rate(noopRate, "req")
				: "no-op endpoint: no rate sustained";
		String measure = "highest rate sustained for " + seconds + " s with p99 < " + limit + " (acks=all)";
		String target = "≥ 5,000/s and ≥ 50% of the no-op ceiling";
		if (ingest.best() == null) {
			result.row(new ReportRow("1. Ingest", measure, "no rate ≥ 25/s sustained", ceiling, "", target,
					Verdict.MISSED));
			return;
		}
		LoadResult best = ingest.best().result();
		double rate = ingest.best().rate();
		boolean met = rate >= TARGET_RATE && noopRate > 0 && rate >= noopRate / 2;
		result.row(new ReportRow("1. Ingest", measure, Figures.rate(rate, "events"), ceiling,
				Figures.percentOf(rate, noopRate), target, Verdict.of(met)));
		String noopLatencies = (noopAtIngestRate != null)
				? "no-op at the same rate: "
						+ Figures.latencies(noopAtIngestRate.p50(), noopAtIngestRate.p99(), noopAtIngestRate.p999())
				: "";
		result.row(new ReportRow("1. Ingest", String.format("p50 / p99 / p99.9 at %,.0f events/s", rate),
				Figures.latencies(best.p50(), best.p99(), best.p999()), noopLatencies,
				(noopAtIngestRate != null) ? "p99 " + Figures.times(best.p99(), noopAtIngestRate.p99()) : "",
				"p99 < " + limit, Verdict.of(best.sustained(this.options.p99Limit()))));
		result.note(String
			.format("Ingest: %d load-generator connections; each target first warmed up at %s/s until two 5-10 s chunks "
					+ "in a row met the p99 limit (ingest: %d s, no-op: %d s); probes of %d s at rising rates, then a %d s "
					+ "confirmation; a rate is sustained when every request got a 2xx and p99 < %s. Search steps, "
					+ "ingest: %s; no-op: %s.", this.options.connections(), this.options.quick() ? 300 : 500,
					this.ingestWarmUp.toSeconds(), this.noopWarmUp.toSeconds(),
					this.options.probeDuration().toSeconds(), seconds, limit, steps(ingest), steps(noop)));
	}

	private static String steps(RateSearch.Outcome outcome) {
		var text = new StringBuilder();
		for (RateSearch.Step step : outcome.steps()) {
			String failed = (step.result().failed() > 0) ? " " + step.result().failed() + " failed" : "";
			text.append((text.length() > 0) ? ", " : "");
			text.append(String.format("%,.0f/s%s p99 %s ms%s %s", step.rate(), step.confirmation() ? " (confirm)" : "",
					Figures.millis(step.result().p99()), failed, step.passed() ? "ok" : "x"));
		}
		return text.toString();
	}

}
