package com.cti.bench.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cti.bench.BenchOptions;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.IdSource;
import com.cti.bench.ingest.WebhookTraffic;
import com.cti.bench.ledger.Ledger;
import com.cti.bench.ledger.LedgerCheck;
import com.cti.bench.load.LoadResult;
import com.cti.bench.report.Figures;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.SectionResult;
import com.cti.bench.report.Verdict;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.Service;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 4: realistic traffic through the ingest service at a fixed rate; a share of
 * the lifecycles goes to one probe app, whose active calls are polled and whose stream is
 * followed. For each new call leg of the probe app: time from its first event's 200 to
 * its id appearing in {@code /api/calls/active}, and on {@code /api/stream}.
 */
public final class FreshnessSection {

	private static final double PROBE_SHARE = 0.05;

	/**
	 * After the load: how long the processor may take to catch up while the observers
	 * keep watching.
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(60);

	private static final Duration GRACE = Duration.ofSeconds(2);

	private static final double TARGET_MILLIS = 250;

	private final BenchSystem system;

	private final BenchOptions options;

	private final WebhookTraffic traffic;

	private final AppCredentials probe;

	private final LedgerCheck ledgerCheck;

	private final RssSampler rss;

	public FreshnessSection(BenchSystem system, BenchOptions options, FixtureLibrary fixtures, IdSource ids,
			AppCredentials probe, List<AppCredentials> trafficApps, LedgerCheck ledgerCheck, RssSampler rss) {
		this.system = system;
		this.options = options;
		List<AppCredentials> apps = new ArrayList<>();
		apps.add(probe);
		apps.addAll(trafficApps);
		this.traffic = new WebhookTraffic(fixtures, ids, system.webhookSecret(), apps,
				(random) -> (random.nextDouble() < PROBE_SHARE) ? 0 : 1 + random.nextInt(trafficApps.size()), 32, 16);
		this.probe = probe;
		this.ledgerCheck = ledgerCheck;
		this.rss = rss;
	}

	public SectionResult run() throws Exception {
		var result = new SectionResult();
		var ledger = new Ledger("freshness", this.traffic.apps().stream().map(AppCredentials::id).toList());
		Map<Long, Long> accepted = new ConcurrentHashMap<>();
		int queryPort = this.system.port(Service.QUERY);
		this.system.awaitDrained(this.options.drainTimeout());
		try (var poller = new ActiveCallsPoller(queryPort, this.probe.apiKey(), this.options.activePollInterval());
				var stream = new StreamWatcher(queryPort, this.probe.apiKey())) {
			String activeUnavailable = poller.probe();
			String streamUnavailable = stream.connect();
			if (activeUnavailable == null) {
				poller.start();
			}
			double rate = this.options.freshnessRate();
			LoadResult warmUp = this.traffic.run(this.system.port(Service.INGEST), Math.min(rate, 300),
					this.options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(15), 6_000, ledger, null);
			Log.info("  warm-up %s", warmUp.summary());
			this.system.awaitDrained(this.options.drainTimeout());
			this.rss.phase("freshness");
			Log.info("freshness: %,.0f events/s for %d s through the ingest service", rate,
					this.options.duration().toSeconds());
			LoadResult load = this.traffic.run(this.system.port(Service.INGEST), rate, this.options.duration(), 7_000,
					ledger, (event, app, nanos) -> {
						if (app.equals(this.probe) && event.isCall() && event.firstOfLeg()) {
							accepted.put(event.resourceId(), nanos);
						}
					});
			Log.info("  %s", load.summary());
			this.system.awaitDrained(CATCH_UP);
			Thread.sleep(GRACE.toMillis());
			this.rss.phase("between");
			long observedUntil = System.nanoTime();
			String target = "p99 < " + (long) TARGET_MILLIS + " ms";
			String where = String.format("%,.0f events/s", rate);
			if (activeUnavailable != null) {
				result.row(ReportRow.notAvailable("4. Freshness",
						"webhook 200 → visible in GET /api/calls/active (" + where + ")", activeUnavailable, target));
			}
			else {
				poller.close();
				result.row(row("webhook 200 → visible in GET /api/calls/active, p50 / p99 (" + where + ")", accepted,
						poller.firstSeen(), observedUntil,
						String.format(
								"polled every %.0f ms on average (up to that much of each figure is polling delay)%s",
								poller.meanIntervalMillis(),
								(poller.throttled() > 0) ? ", " + poller.throttled() + " polls throttled (429)" : ""),
						poller.unavailable()));
			}
			if (streamUnavailable != null) {
				result.row(ReportRow.notAvailable("4. Freshness", "webhook 200 → on GET /api/stream (" + where + ")",
						streamUnavailable, target));
			}
			else {
				result.row(row("webhook 200 → on GET /api/stream, p50 / p99 (" + where + ")", accepted,
						stream.firstSeen(), observedUntil, stream.events() + " stream events received", null));
			}
			result.note(String.format("Freshness: %.0f%% of the lifecycles go to one probe app; each new call leg of "
					+ "the probe app is timed from the 200 of its first event (the time the response arrived) to "
					+ "the first response or stream event that shows its call id, watched until the processor caught up "
					+ "(at most %d s) and %d s more; ingest during the run: %s", PROBE_SHARE * 100,
					CATCH_UP.toSeconds(), GRACE.toSeconds(), load.summary()));
		}
		Log.info("freshness: waiting for the processor to catch up, then checking the ledger");
		boolean drained = this.system.awaitDrained(this.options.drainTimeout());
		result.ledger(this.ledgerCheck.check(ledger, drained));
		return result;
	}

	private static ReportRow row(String measure, Map<Long, Long> accepted, Map<Long, Long> seen, long observedUntil,
			String how, @Nullable String trouble) {
		var latencies = new Histogram(3_600_000_000L, 3);
		long unseen = 0;
		for (var leg : accepted.entrySet()) {
			Long seenAt = seen.get(leg.getKey());
			if (seenAt == null) {
				unseen++;
				seenAt = observedUntil;
			}
			latencies.recordValue(Math.max(0, (seenAt - leg.getValue()) / 1000));
		}
		if (latencies.getTotalCount() == 0) {
			return ReportRow.notAvailable("4. Freshness", measure, "no call leg of the probe app was accepted",
					"p99 < 250 ms");
		}
		double p50 = latencies.getValueAtPercentile(50) / 1000.0;
		double p99 = latencies.getValueAtPercentile(99) / 1000.0;
		String detail = String
			.format("%,d legs, %s%s%s", latencies.getTotalCount(), how,
					(unseen > 0)
							? String.format(
									", %,d NEVER seen, counted as the time until the observation ended (a leg whose "
											+ "end is applied together with its first state is never active)",
									unseen)
							: "",
					(trouble != null) ? "; " + trouble : "");
		return new ReportRow("4. Freshness", measure, Figures.latencies(p50, p99) + " (" + detail + ")", "", "",
				"p99 < 250 ms", Verdict.of(p99 < TARGET_MILLIS && unseen == 0));
	}

}
