package com.cti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What else was running: the load averages, and the JVMs on the machine that are not this
 * run's (test runs of other builds, for instance).
 */
final class MachineLoad {

	private MachineLoad() {
	}

	static String describe() {
		String load;
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			load = "load average " + fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			load = "load average unknown";
		}
		long ownPid = ProcessHandle.current().pid();
		long others = ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != ownPid)
			.filter((process) -> process.parent().map((parent) -> parent.pid() != ownPid).orElse(true))
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/java")).orElse(false))
			.count();
		long surefire = ProcessHandle.allProcesses()
			.filter((process) -> isSurefire(process.info().arguments().orElse(new String[0])))
			.count();
		return String.format("%s; %d other JVMs running, %d of them test JVMs (surefire)", load, others, surefire);
	}

	private static boolean isSurefire(String[] arguments) {
		return List.of(arguments).stream().anyMatch((argument) -> argument.contains("surefire"));
	}

}
