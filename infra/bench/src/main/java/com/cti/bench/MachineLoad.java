package com.cti.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Watches what else runs on the machine during a run: the load average, and other builds
 * (Maven) and test JVMs (surefire) that are not this run's. A run during which any were
 * seen is flagged as not representative.
 */
final class MachineLoad implements AutoCloseable {

	private final long ownPid = ProcessHandle.current().pid();

	private final String atStart;

	private final Thread thread;

	private volatile int mostForeignBuilds;

	private volatile double highestLoad;

	private volatile boolean running = true;

	private MachineLoad() {
		sample();
		this.atStart = loadAverage();
		this.thread = new Thread(this::run, "machine-load");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	static MachineLoad watch() {
		return new MachineLoad();
	}

	private void run() {
		while (this.running) {
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				return;
			}
			sample();
		}
	}

	private void sample() {
		int foreign = (int) ProcessHandle.allProcesses().filter(this::isForeignBuild).count();
		this.mostForeignBuilds = Math.max(this.mostForeignBuilds, foreign);
		loadOneMinute().ifPresent((load) -> this.highestLoad = Math.max(this.highestLoad, load));
	}

	private boolean isForeignBuild(ProcessHandle process) {
		String commandLine = String.join(" ", process.info().arguments().orElse(new String[0]));
		if (!commandLine.contains("surefire") && !commandLine.contains("plexus-classworlds")) {
			return false;
		}
		for (Optional<ProcessHandle> parent = Optional.of(process); parent
			.isPresent(); parent = parent.get().parent()) {
			if (parent.get().pid() == this.ownPid) {
				return false;
			}
		}
		return true;
	}

	/** Whether other builds or test JVMs ran on the machine during the run. */
	boolean disturbed() {
		return this.mostForeignBuilds > 0;
	}

	String describe() {
		return String.format(Locale.ROOT,
				"%s at the start, highest 1-minute load average %.1f; at most %d other Maven builds or test JVMs "
						+ "running at once (sampled every 10 s)",
				this.atStart, this.highestLoad, this.mostForeignBuilds);
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return "load average " + String.join(" / ", List.of(fields[0], fields[1], fields[2]));
		}
		catch (IOException | RuntimeException ex) {
			return "load average unknown";
		}
	}

	private static Optional<Double> loadOneMinute() {
		try {
			return Optional.of(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
