package com.cti.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code podman} command, with the settings this repository keeps for machines that
 * are themselves containers ({@code infra/docker/podman/containers.conf}).
 */
final class Podman {

	private static final String CONFIGURATION = ServiceSettings.REPOSITORY
		.resolve("infra/docker/podman/containers.conf")
		.toString();

	private Podman() {
	}

	/**
	 * Runs podman with these arguments and returns what it printed; fails on an error.
	 */
	static String run(String... arguments) {
		return run(List.of(arguments));
	}

	static String run(List<String> arguments) {
		Result result = attempt(arguments);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("podman " + String.join(" ", arguments) + " failed (" + result.exitCode()
					+ "):\n" + result.output());
		}
		return result.output().strip();
	}

	/** Runs podman and returns its exit code and output, whatever they are. */
	static Result attempt(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("podman"));
		command.addAll(arguments);
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (System.getenv("CONTAINERS_CONF") == null) {
			builder.environment().put("CONTAINERS_CONF", CONFIGURATION);
		}
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("podman " + arguments + " did not finish within 5 minutes");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run podman (is it installed?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	record Result(int exitCode, String output) {
	}

}
