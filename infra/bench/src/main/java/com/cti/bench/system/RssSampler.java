package com.cti.bench.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Samples the resident memory of the running processes twice a second and keeps the peak
 * of each process in each phase of the run.
 */
public final class RssSampler implements AutoCloseable {

	private final Supplier<Map<String, ServiceProcess>> processes;

	private final Map<String, Map<String, Long>> peaks = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile String phase = "start-up";

	private volatile boolean running = true;

	public RssSampler(Supplier<Map<String, ServiceProcess>> processes) {
		this.processes = processes;
		this.thread = new Thread(this::run, "rss-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Starts a new phase; samples from now on count towards it. */
	public void phase(String name) {
		sample();
		this.phase = name;
	}

	/** The peak RSS in bytes of each process in a phase. */
	public Map<String, Long> peaks(String phase) {
		return Map.copyOf(this.peaks.getOrDefault(phase, Map.of()));
	}

	public void sample() {
		String current = this.phase;
		this.processes.get().forEach((name, process) -> {
			long rss = process.rssBytes();
			if (rss > 0) {
				this.peaks.computeIfAbsent(current, (key) -> new ConcurrentHashMap<>()).merge(name, rss, Math::max);
			}
		});
	}

	private void run() {
		while (this.running) {
			sample();
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
