package com.cti.bench.system;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The harness's own classpath with every entry made absolute, for the processes it starts
 * in other working directories (the broker, the no-op endpoint).
 */
public final class Classpath {

	private Classpath() {
	}

	public static String absolute() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

}
