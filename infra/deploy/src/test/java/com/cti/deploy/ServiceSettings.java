package com.cti.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * What one service needs from its environment, read from its own {@code application.yml}:
 * the variables it requires ({@code cti.required-settings}) and every variable it reads
 * (its {@code ${NAME...}} placeholders, the database settings where it has a database,
 * and Spring's relaxed binding of {@code cti.*}, {@code spring.*}, {@code server.*},
 * {@code management.*} and {@code logging.*}).
 *
 * @param module the service's module, e.g. {@code ingest-service}
 * @param required the variables it does not start without
 * @param placeholders the variables its {@code application.yml} reads by name
 * @param defaultPort its HTTP port when {@code PORT} is not set
 */
record ServiceSettings(String module, Set<String> required, Set<String> placeholders, int defaultPort) {

	/** The four services' modules. */
	static final List<String> MODULES = List.of("ingest-service", "processor-service", "query-service",
			"admin-service");

	/** The repository's root (the tests run in {@code infra/deploy}). */
	static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private static final Pattern PORT = Pattern.compile("\\$\\{PORT:([0-9]+)}");

	private static final Set<String> DATABASE = Set.of("DATABASE_URL", "DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD",
			"DB_NAME");

	private static final List<String> RELAXED_PREFIXES = List.of("CTI_", "SPRING_", "SERVER_", "MANAGEMENT_",
			"LOGGING_");

	/** Variables every JVM reads. */
	private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS");

	static ServiceSettings of(String module) {
		String text = applicationYml(module);
		Map<String, Object> yaml = firstDocument(text);
		Set<String> required = new TreeSet<>();
		if (yaml.get("cti") instanceof Map<?, ?> cti && cti.get("required-settings") instanceof String list) {
			Arrays.stream(list.split(","))
				.map((entry) -> entry.split("=", 2)[0].strip())
				.filter((name) -> !name.isEmpty())
				.forEach(required::add);
		}
		Set<String> placeholders = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			placeholders.add(matcher.group(1));
		}
		Matcher port = PORT.matcher(text);
		if (!port.find()) {
			throw new IllegalStateException(module + "'s application.yml sets no default port (${PORT:...})");
		}
		return new ServiceSettings(module, required, placeholders, Integer.parseInt(port.group(1)));
	}

	/**
	 * The first document of the service's {@code application.yml}: the others are
	 * profiles'.
	 */
	static Map<String, Object> settings(String module) {
		return firstDocument(applicationYml(module));
	}

	private static String applicationYml(String module) {
		try {
			return Files.readString(REPOSITORY.resolve(module).resolve("src/main/resources/application.yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> firstDocument(String text) {
		return (Map<String, Object>) new Yaml().loadAll(text).iterator().next();
	}

	/** Whether the service has a database ({@code DATABASE_URL} or the {@code DB_*}). */
	boolean usesDatabase() {
		return this.required.contains("DATABASE_URL");
	}

	/**
	 * Whether the service reads this variable: a misspelt name is read by nobody.
	 * {@code CTI_*} and the other relaxed names cannot be told apart from a misspelling
	 * here; their properties are checked by the services' own tests.
	 */
	boolean reads(String variable) {
		return this.placeholders.contains(variable) || this.required.contains(variable) || JVM.contains(variable)
				|| (usesDatabase() && DATABASE.contains(variable))
				|| RELAXED_PREFIXES.stream().anyMatch(variable::startsWith);
	}

}
