package com.cti.bench.footprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.cti.bench.report.Figures;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.SectionResult;
import com.cti.bench.report.Verdict;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.Service;

/**
 * Measurement 5: each service's resident memory (the peak sampled while the other
 * sections loaded it, and once started and idle) and start-up time, and the start-up time
 * of {@code ./cti standalone}.
 */
public final class FootprintSection {

	private static final long TARGET_RSS = 300L * 1024 * 1024;

	private static final List<String> LOAD_PHASES = List.of("ingest", "freshness", "processing", "queries");

	private FootprintSection() {
	}

	/** The memory and start-up rows of the services, from what the run sampled. */
	public static SectionResult services(BenchSystem system, RssSampler rss) {
		var result = new SectionResult();
		Map<String, Long> idle = rss.peaks("idle");
		for (Service service : Service.values()) {
			String name = service.label();
			long peak = -1;
			StringBuilder phases = new StringBuilder();
			for (String phase : LOAD_PHASES) {
				Long value = rss.peaks(phase).get(name);
				if (value != null) {
					peak = Math.max(peak, value);
					phases.append((phases.length() > 0) ? ", " : "")
						.append(phase)
						.append(' ')
						.append(Figures.megabytes(value));
				}
			}
			String measure = "RSS of the " + name + " service, peak under load";
			if (peak < 0) {
				result.row(ReportRow.notAvailable("5. Footprint", measure, "no load section ran", "< 300 MB"));
			}
			else {
				result.row(new ReportRow("5. Footprint", measure,
						Figures.megabytes(peak) + " (" + phases + "; idle after start "
								+ Figures.megabytes(idle.getOrDefault(name, -1L)) + ")",
						"", "", "< 300 MB", Verdict.of(peak < TARGET_RSS)));
			}
		}
		Map<Service, Duration> startups = system.startupTimes();
		Map<Service, Double> logged = system.loggedStartupSeconds();
		for (Service service : Service.values()) {
			Duration startup = startups.get(service);
			if (startup != null) {
				String jvm = logged.containsKey(service)
						? " (Spring Boot: started in " + Figures.seconds(logged.get(service)) + ")" : "";
				result.row(new ReportRow("5. Footprint",
						"start-up of the " + service.label() + " service, launch → /health 200",
						Figures.seconds(startup.toMillis() / 1000.0) + jvm, "", "", "", Verdict.NONE));
			}
		}
		long kafka = LOAD_PHASES.stream()
			.mapToLong((phase) -> rss.peaks(phase).getOrDefault("kafka", -1L))
			.max()
			.orElse(-1);
		result.note("Footprint: RSS is VmRSS from /proc/<pid>/status sampled every 0.5 s; each service "
				+ "migrates its own tables of the empty database, so its start-up includes its migrations"
				+ ((kafka > 0) ? "; the Kafka broker's peak RSS under load was " + Figures.megabytes(kafka) : "")
				+ ".");
		return result;
	}

	/** Starts ./cti standalone twice (fresh data, then existing data) and times it. */
	public static SectionResult standalone(Path repository, Path directory) {
		var result = new SectionResult();
		String measure = "start-up of ./cti standalone, launch → /health 200";
		if (!Files.exists(StandaloneStartup.jar(repository))) {
			result.row(ReportRow.notAvailable("5. Footprint", measure,
					StandaloneStartup.jar(repository) + " is not built", ""));
			return result;
		}
		try {
			Log.info("footprint: timing ./cti standalone (empty data directory, then again on its data)");
			List<StandaloneStartup.Start> starts = StandaloneStartup.measure(repository, directory);
			result.row(new ReportRow("5. Footprint", measure,
					String.format("%s on an empty data directory, %s on existing data (RSS %s once started)",
							Figures.seconds(starts.get(0).healthy().toMillis() / 1000.0),
							Figures.seconds(starts.get(1).healthy().toMillis() / 1000.0),
							Figures.megabytes(starts.get(1).rssBytes())),
					"", "", "", Verdict.NONE));
		}
		catch (Exception ex) {
			result.row(ReportRow.notAvailable("5. Footprint", measure, ex.getMessage().lines().findFirst().orElse(""),
					""));
		}
		return result;
	}

}
