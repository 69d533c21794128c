package com.cti.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit a run measured, and whether the checkout had uncommitted changes.
 */
final class GitInfo {

	private GitInfo() {
	}

	static String describe(Path repository) {
		String commit = git(repository, "rev-parse", "--short", "HEAD").strip();
		if (commit.isEmpty()) {
			return "unknown (not a git checkout)";
		}
		long changed = git(repository, "status", "--porcelain").lines()
			.filter((line) -> !line.endsWith("BENCHMARKS.md"))
			.count();
		return (changed > 0) ? commit + " (+ " + changed + " uncommitted changes in the checkout)" : commit;
	}

	private static String git(Path repository, String... args) {
		try {
			var command = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
			command.addAll(List.of(args));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) ? output : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
