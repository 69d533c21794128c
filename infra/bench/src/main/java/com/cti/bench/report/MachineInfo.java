package com.cti.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run measured: CPU model, cores, memory, operating system and JVM.
 *
 * @param cpuModel the CPU's model name
 * @param cores the processors available to the JVM
 * @param memoryBytes total memory
 * @param os operating system name and version
 * @param jvm the JVM's name and version (the services run on the same one)
 */
public record MachineInfo(String cpuModel, int cores, long memoryBytes, String os, String jvm) {

	public static MachineInfo current() {
		return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(), readMemoryBytes(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
	}

	public String describe() {
		return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s; JVM %s", this.cpuModel, this.cores,
				this.memoryBytes / (1024.0 * 1024 * 1024), this.os, this.jvm);
	}

	private static String readCpuModel() {
		return value(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
	}

	private static long readMemoryBytes() {
		return value(Path.of("/proc/meminfo"), "MemTotal").map((v) -> Long.parseLong(v.replaceAll("[^0-9]", "")) * 1024)
			.orElse(-1L);
	}

	private static java.util.Optional<String> value(Path file, String key) {
		try {
			List<String> lines = Files.readAllLines(file);
			return lines.stream()
				.filter((line) -> line.startsWith(key))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return java.util.Optional.empty();
		}
	}

}
