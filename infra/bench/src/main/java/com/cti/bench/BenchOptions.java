package com.cti.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The options of {@code ./cti bench}.
 *
 * @param quick the smaller smoke run
 * @param sections the sections to run
 * @param duration how long each measurement runs (60 s; quick 10 s)
 * @param probeDuration how long each probe of the ingest rate search runs
 * @param backlog events in the processing backlog
 * @param calls calls in the query data set
 * @param apps apps the query data set is spread over
 * @param queryRate requests/s of the query measurements
 * @param freshnessRate events/s of the freshness measurement
 * @param activePollInterval how often the freshness measurement polls the active calls
 * @param p99Limit the ingest latency limit
 * @param connections load-generator connections for ingest
 * @param serviceJvmOptions JVM options of each service and of the no-op endpoint
 * @param serviceEnvironment extra environment variables for every service
 * @param output the file the run is written to, null to write nothing
 * @param keepData keep the run's data directory
 * @param fixtures a fixtures directory instead of the test-fixtures module
 * @param repository the checkout
 */
public record BenchOptions(boolean quick, Set<Section> sections, Duration duration, Duration probeDuration,
		long backlog, long calls, int apps, double queryRate, double freshnessRate, Duration activePollInterval,
		Duration p99Limit, int connections, List<String> serviceJvmOptions, Map<String, String> serviceEnvironment,
		@Nullable Path output, boolean keepData, @Nullable Path fixtures, Path repository) {

	static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=35",
			"-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

	static final String USAGE = """
			usage: ./cti bench [options]

			Runs the benchmarks against the real system (a Kafka broker process, PostgreSQL 17 and each service as
			its own process) and writes the results to BENCHMARKS.md, above the earlier runs.

			  --quick                  smaller sizes and 10 s measurements: a smoke run, not comparable to a full run
			  --only SECTION[,...]     ingest, processing, queries, freshness, footprint (default: all)
			  --duration SECONDS       each measurement's duration (default 60; quick 10)
			  --probe-duration SECONDS each probe of the ingest rate search (default 10; quick 3)
			  --backlog N              events in the processing backlog (default 1000000; quick 50000)
			  --calls N                calls in the query data set (default 10000000; quick 200000)
			  --apps N                 apps the calls are spread over (default 100)
			  --query-rate N           requests/s of the query measurements (default 200)
			  --freshness-rate N       events/s during the freshness measurement (default 1000)
			  --active-poll-interval MS  how often /api/calls/active is polled for freshness (default 55: just
			                           under the API's default rate limit of 20 requests/s per key)
			  --p99-limit MS           ingest p99 limit of the rate search (default 25)
			  --connections N          load-generator connections for ingest (default 64)
			  --service-jvm-opts "..." JVM options of each service (default: the Docker image's
			                           JAVA_TOOL_OPTIONS in a 512 MB container: -XX:MaxRAM=512m
			                           -XX:MaxRAMPercentage=35 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError)
			  --service-env NAME=VALUE an extra environment variable for every service (repeatable)
			  --output FILE            where the run is written (default BENCHMARKS.md)
			  --no-write               print the table only
			  --keep-data              keep the run's data under infra/bench/target/runs
			  --fixtures DIR           fixture files instead of the test-fixtures module's
			""";

	/** The measurements. */
	public enum Section {

		INGEST, FRESHNESS, PROCESSING, QUERIES, FOOTPRINT;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static BenchOptions parse(String[] args, Path repository) {
		boolean quick = Arrays.asList(args).contains("--quick");
		Set<Section> sections = EnumSet.allOf(Section.class);
		Duration duration = Duration.ofSeconds(quick ? 10 : 60);
		Duration probe = Duration.ofSeconds(quick ? 3 : 10);
		long backlog = quick ? 50_000 : 1_000_000;
		long calls = quick ? 200_000 : 10_000_000;
		int apps = 100;
		double queryRate = 200;
		double freshnessRate = 1000;
		Duration pollInterval = Duration.ofMillis(55);
		Duration p99 = Duration.ofMillis(25);
		int connections = 64;
		List<String> jvm = DEFAULT_SERVICE_JVM_OPTIONS;
		Map<String, String> environment = new LinkedHashMap<>();
		Path output = repository.resolve("BENCHMARKS.md");
		boolean keep = false;
		Path fixtures = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> {
				}
				case "--only" -> sections = sections(value(args, ++i, arg));
				case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
				case "--probe-duration" -> probe = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
				case "--backlog" -> backlog = Long.parseLong(value(args, ++i, arg));
				case "--calls" -> calls = Long.parseLong(value(args, ++i, arg));
				case "--apps" -> apps = Integer.parseInt(value(args, ++i, arg));
				case "--query-rate" -> queryRate = Double.parseDouble(value(args, ++i, arg));
				case "--freshness-rate" -> freshnessRate = Double.parseDouble(value(args, ++i, arg));
				case "--active-poll-interval" ->
					pollInterval = Duration.ofMillis(Long.parseLong(value(args, ++i, arg)));
				case "--p99-limit" -> p99 = Duration.ofMillis(Long.parseLong(value(args, ++i, arg)));
				case "--connections" -> connections = Integer.parseInt(value(args, ++i, arg));
				case "--service-jvm-opts" -> jvm = List.of(value(args, ++i, arg).trim().split("\\s+"));
				case "--service-env" -> {
					String pair = value(args, ++i, arg);
					int equals = pair.indexOf('=');
					if (equals <= 0) {
						throw new IllegalArgumentException("--service-env takes NAME=VALUE, not " + pair);
					}
					environment.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
				case "--output" -> output = Path.of(value(args, ++i, arg)).toAbsolutePath();
				case "--no-write" -> output = null;
				case "--keep-data" -> keep = true;
				case "--fixtures" -> fixtures = Path.of(value(args, ++i, arg)).toAbsolutePath();
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		if (apps < 1 || connections < 1 || backlog < 1 || calls < apps) {
			throw new IllegalArgumentException("sizes must be positive, and --calls at least --apps");
		}
		return new BenchOptions(quick, sections, duration, probe, backlog, calls, apps, queryRate, freshnessRate,
				pollInterval, p99, connections, jvm, environment, output, keep, fixtures, repository);
	}

	private static Set<Section> sections(String list) {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		for (String name : list.split(",")) {
			try {
				sections.add(Section.valueOf(name.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"unknown section " + name + " (ingest, processing, queries, " + "freshness, footprint)");
			}
		}
		return sections;
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	public boolean runs(Section section) {
		return this.sections.contains(section);
	}

	/** How long the harness waits for the processor to catch up before a ledger check. */
	public Duration drainTimeout() {
		return this.quick ? Duration.ofMinutes(3) : Duration.ofMinutes(20);
	}

	String describeSections() {
		List<String> names = new ArrayList<>();
		this.sections.forEach((section) -> names.add(section.label()));
		return String.join(", ", names);
	}

}
