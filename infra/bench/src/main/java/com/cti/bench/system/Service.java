package com.cti.bench.system;

import java.nio.file.Path;

/**
 * The four services, in the order the harness starts them (the processor first: it
 * creates the topics and migrates the empty database).
 */
public enum Service {

	PROCESSOR("processor", "processor-service"), ADMIN("admin", "admin-service"), QUERY("query", "query-service"),
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
