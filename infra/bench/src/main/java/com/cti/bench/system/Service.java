package com.cti.bench.system;

import java.nio.file.Path;

/**
 * The four services, in the order the harness starts them, each once the one before is
 * healthy: each migrates its own tables, and the processor and the query service wait for
 * the tables of the services they read, so the admin service comes first; the processor
 * creates the events topics before the ingest service sends.
 */
public enum Service {

	ADMIN("admin", "admin-service"), PROCESSOR("processor", "processor-service"), QUERY("query", "query-service"),
	INGEST("ingest", "ingest-service");

	private final String label;

	private final String module;

	Service(String label, String module) {
		this.label = label;
		this.module = module;
	}

	public String label() {
		return this.label;
	}

	/** The executable jar that {@code ./mvnw package} builds. */
	public Path jar(Path repository) {
		return repository.resolve(this.module).resolve("target").resolve(this.module + "-exec.jar");
	}

}
