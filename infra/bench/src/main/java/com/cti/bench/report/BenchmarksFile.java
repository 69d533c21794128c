package com.cti.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BENCHMARKS.md: an introduction, then every run's section, newest first. A new run is
 * inserted above the earlier ones; nothing earlier is changed.
 */
public final class BenchmarksFile {

	static final String MARKER = "<!-- runs below, newest first; ./cti bench inserts each new run here -->";

	static final String INTRODUCTION = """
			# Benchmarks

			Measured by `./cti bench` (the harness in `infra/bench`) on the machine each run names, against the real
			system: a Kafka broker process, PostgreSQL 17 and each service as its own process (`java -jar
			<module>-exec.jar`). Rerun it on a clean checkout with `./cti bench` (a full run takes well over half an
			hour); `./cti bench --quick` is a smaller smoke run whose figures are NOT comparable with a full run's.
			`./cti bench --help` lists the options (one section only, sizes, durations, JVM options).

			How it measures:

			- Load is open-loop: requests are scheduled at a fixed rate over a fixed set of keep-alive connections, and
			  each latency is measured from the request's scheduled time, so a stall is charged to every request it
			  delayed (no coordinated omission). Latencies are recorded in HdrHistogram.
			- Events are generated from the fixture lifecycles (calls with legs, voicemail, SMS, other events) with
			  fresh call, message and recording ids and current timestamps, and signed HS256 like Dialpad's.
			- Ledger: after each section the harness waits for the processor to catch up, then checks that every event
			  that got a 2xx is in `webhook_events` exactly once (by the MD5 of its payload; attributed or unattributed)
			  or on the dead-letter topic, and that every call leg (and message, once that projection exists) has its
			  row. If any section's ledger does not balance, the run is VOID.
			- Each figure stands beside a ceiling measured in the same run: ingest beside a no-op endpoint on the same
			  HTTP stack (Spring Boot MVC on Tomcat, same JVM options) driven by the same load generator; processing
			  beside a PostgreSQL `COPY` of the rows the processor wrote into unindexed tables; queries beside the SQL
			  statements the query service ran for the same requests (read back from PostgreSQL's statement log),
			  replayed through JDBC at the same rate.
			- Targets are goals shown beside the figures, never assertions: a missed target is reported as missed.

			""";

	private BenchmarksFile() {
	}

	/** The file's text with the run inserted above the earlier runs. */
	static String insert(String existing, String run) {
		if (existing.isBlank()) {
			return INTRODUCTION + MARKER + "\n\n" + run;
		}
		int marker = existing.indexOf(MARKER);
		if (marker < 0) {
			return INTRODUCTION + MARKER + "\n\n" + run + "\n" + existing;
		}
		int after = marker + MARKER.length();
		String earlier = existing.substring(after).stripLeading();
		return existing.substring(0, after) + "\n\n" + run + (earlier.isEmpty() ? "" : "\n" + earlier);
	}

	public static void write(Path file, String run) throws IOException {
		String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		Files.writeString(file, insert(existing, run), StandardCharsets.UTF_8);
	}

}
