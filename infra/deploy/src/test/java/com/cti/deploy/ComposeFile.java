package com.cti.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * The root {@code docker-compose.yml} as Docker Compose reads it: anchors and merge keys
 * resolved, and {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}},
 * {@code ${VAR:?error}} interpolated from a given environment, as {@code docker compose}
 * would from the shell's.
 */
final class ComposeFile {

	static final Path FILE = ServiceSettings.REPOSITORY.resolve("docker-compose.yml");

	/** The compose service of each module. */
	static final Map<String, String> SERVICE_OF_MODULE = Map.of("ingest-service", "ingest", "processor-service",
			"processor", "query-service", "query", "admin-service", "admin");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

	private final Map<String, Object> services;

	@SuppressWarnings("unchecked")
	private ComposeFile(Map<String, Object> yaml) {
		this.services = (Map<String, Object>) yaml.get("services");
	}

	static ComposeFile read() {
		try {
			return new ComposeFile(new Yaml().load(Files.readString(FILE)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> serviceNames() {
		return List.copyOf(this.services.keySet());
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> service(String name) {
		Object service = this.services.get(name);
		if (!(service instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return (Map<String, Object>) service;
	}

	/** A service's environment as written, before interpolation. */
	Map<String, String> rawEnvironment(String name) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (service(name).get("environment") instanceof Map<?, ?> map) {
			map.forEach((key, value) -> environment.put(key.toString(), (value != null) ? value.toString() : ""));
		}
		return environment;
	}

	/** A service's environment with every variable interpolated from the given shell. */
	Map<String, String> environment(String name, Function<String, @Nullable String> shell) {
		Map<String, String> environment = new LinkedHashMap<>();
		rawEnvironment(name).forEach((key, value) -> environment.put(key, interpolate(value, shell)));
		return environment;
	}

	static String interpolate(String value, Function<String, @Nullable String> shell) {
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String set = shell.apply(matcher.group(1));
			String operator = matcher.group(2);
			String argument = (matcher.group(3) != null) ? matcher.group(3) : "";
			boolean missing = (operator != null && operator.startsWith(":")) ? (set == null || set.isEmpty())
					: set == null;
			String replacement;
			if (!missing) {
				replacement = set;
			}
			else if (operator == null) {
				replacement = "";
			}
			else if (operator.endsWith("?")) {
				throw new IllegalStateException("docker compose would refuse to start: " + argument);
			}
			else {
				replacement = argument;
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
