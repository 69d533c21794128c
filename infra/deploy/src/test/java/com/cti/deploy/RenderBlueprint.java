package com.cti.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * A Render Blueprint ({@code render.yaml}) and what is wrong with it, by the rules of
 * Render's Blueprint specification (render.com/docs/blueprint-spec: the fields, service
 * types and runtimes, how {@code fromDatabase}, {@code fromService} and {@code fromGroup}
 * resolve, what a disk allows) and by what each service reads: the variables it requires
 * are given, and no variable that it does not read.
 */
final class RenderBlueprint {

	static final Path FILE = ServiceSettings.REPOSITORY.resolve("render.yaml");

	private static final Set<String> ROOT = Set.of("services", "databases", "envVarGroups", "projects", "ungrouped",
			"previews");

	private static final Set<String> SERVICE_FIELDS = Set.of("type", "name", "runtime", "plan", "region", "repo",
			"branch", "rootDir", "autoDeployTrigger", "domains", "healthCheckPath", "maxShutdownDelaySeconds",
			"numInstances", "scaling", "buildFilter", "buildCommand", "startCommand", "preDeployCommand",
			"dockerCommand", "dockerfilePath", "dockerContext", "registryCredential", "image", "disk", "envVars",
			"previews", "schedule", "ipAllowList", "maxmemoryPolicy");

	private static final Set<String> TYPES = Set.of("web", "pserv", "worker", "cron", "keyvalue");

	private static final Set<String> RUNTIMES = Set.of("node", "python", "elixir", "go", "ruby", "rust", "docker",
			"image", "static");

	private static final Set<String> DATABASE_FIELDS = Set.of("name", "databaseName", "user", "plan", "previewPlan",
			"diskSizeGB", "previewDiskSizeGB", "region", "ipAllowList", "postgresMajorVersion", "readReplicas",
			"highAvailability");

	private static final Set<String> DATABASE_PROPERTIES = Set.of("connectionString", "host", "port", "user",
			"password", "database");

	private static final Set<String> SERVICE_PROPERTIES = Set.of("host", "port", "hostport", "connectionString");

	/**
	 * The one variable a service's Docker build reads: which service the Dockerfile
	 * packages.
	 */
	static final String BUILD_ARGUMENT = "SERVICE";

	private final Map<String, Object> yaml;

	private RenderBlueprint(Map<String, Object> yaml) {
		this.yaml = yaml;
	}

	static RenderBlueprint parse(String text) {
		return new RenderBlueprint(new Yaml().load(text));
	}

	static RenderBlueprint read() {
		try {
			return parse(Files.readString(FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Map<String, Object>> services() {
		return list(this.yaml.get("services"));
	}

	/** The service of that name. */
	Map<String, Object> service(String name) {
		return services().stream()
			.filter((service) -> name.equals(service.get("name")))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("render.yaml has no service " + name));
	}

	/** The service that packages this module (its {@code SERVICE} build argument). */
	Map<String, Object> serviceOf(String module) {
		return services().stream()
			.filter((service) -> module.equals(environment(service).get(BUILD_ARGUMENT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("render.yaml has no service with SERVICE=" + module));
	}

	List<Map<String, Object>> databases() {
		return list(this.yaml.get("databases"));
	}

	/**
	 * A service's variables, its groups' included: a literal value as written, anything
	 * else (generated, prompted, from another resource) as its kind.
	 */
	Map<String, String> environment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Map<String, Object> entry : list(service.get("envVars"))) {
			if (entry.get("fromGroup") instanceof String group) {
				group(group).ifPresent((found) -> list(found.get("envVars"))
					.forEach((variable) -> environment.put(String.valueOf(variable.get("key")), describe(variable))));
			}
			else {
				environment.put(String.valueOf(entry.get("key")), describe(entry));
			}
		}
		return environment;
	}

	/** Everything wrong with the Blueprint; none when it is right. */
	List<String> problems() {
		List<String> problems = new ArrayList<>();
		unknown("render.yaml", this.yaml.keySet(), ROOT, problems);
		for (Map<String, Object> database : databases()) {
			unknown("database " + database.get("name"), database.keySet(), DATABASE_FIELDS, problems);
		}
		for (Map<String, Object> group : list(this.yaml.get("envVarGroups"))) {
			for (Map<String, Object> variable : list(group.get("envVars"))) {
				if (variable.containsKey("fromDatabase") || variable.containsKey("fromService")
						|| Boolean.FALSE.equals(variable.get("sync"))) {
					problems.add("group " + group.get("name") + ": " + variable.get("key")
							+ " (a group takes values and generated values only)");
				}
			}
		}
		for (Map<String, Object> service : services()) {
			serviceProblems(service, problems);
		}
		for (String module : ServiceSettings.MODULES) {
			environmentProblems(module, problems);
		}
		return problems;
	}

	private void serviceProblems(Map<String, Object> service, List<String> problems) {
		String name = "service " + service.get("name");
		unknown(name, service.keySet(), SERVICE_FIELDS, problems);
		if (!TYPES.contains(service.get("type"))) {
			problems.add(name + ": type " + service.get("type"));
		}
		if (!"keyvalue".equals(service.get("type")) && !RUNTIMES.contains(service.get("runtime"))) {
			problems.add(name + ": runtime " + service.get("runtime"));
		}
		if ("docker".equals(service.get("runtime"))) {
			Object dockerfile = service.getOrDefault("dockerfilePath", "./Dockerfile");
			if (!Files.isRegularFile(ServiceSettings.REPOSITORY.resolve(dockerfile.toString()))) {
				problems.add(name + ": no Dockerfile at " + dockerfile);
			}
		}
		if ("image".equals(service.get("runtime"))
				&& !(service.get("image") instanceof Map<?, ?> image && image.get("url") instanceof String)) {
			problems.add(name + ": runtime image without image.url");
		}
		if (service.containsKey("disk") && (service.get("numInstances") instanceof Integer instances && instances > 1
				|| service.containsKey("scaling"))) {
			problems.add(name + ": a service with a disk runs one instance");
		}
		if (service.get("maxShutdownDelaySeconds") instanceof Integer delay && (delay < 1 || delay > 300)) {
			problems.add(name + ": maxShutdownDelaySeconds " + delay + " (1 to 300)");
		}
		for (Map<String, Object> variable : list(service.get("envVars"))) {
			referenceProblems(name, variable, problems);
		}
	}

	private void referenceProblems(String name, Map<String, Object> variable, List<String> problems) {
		long sources = variable.keySet()
			.stream()
			.filter(Set.of("value", "generateValue", "sync", "fromDatabase", "fromService", "fromGroup")::contains)
			.count();
		if (sources != 1) {
			problems.add(name + ": " + variable.get("key") + " needs exactly one source, has " + sources);
		}
		if (variable.get("fromDatabase") instanceof Map<?, ?> from
				&& (databases().stream().noneMatch((database) -> database.get("name").equals(from.get("name")))
						|| !DATABASE_PROPERTIES.contains(from.get("property")))) {
			problems.add(name + ": " + variable.get("key") + " from database " + from);
		}
		if (variable.get("fromService") instanceof Map<?, ?> from && (services().stream()
			.noneMatch(
					(other) -> other.get("name").equals(from.get("name")) && other.get("type").equals(from.get("type")))
				|| !(SERVICE_PROPERTIES.contains(from.get("property")) || from.get("envVarKey") instanceof String))) {
			problems.add(name + ": " + variable.get("key") + " from service " + from);
		}
		if (variable.get("fromGroup") instanceof String group && group(group).isEmpty()) {
			problems.add(name + ": no group " + group);
		}
	}

	private void environmentProblems(String module, List<String> problems) {
		Map<String, Object> service;
		try {
			service = serviceOf(module);
		}
		catch (IllegalArgumentException ex) {
			problems.add(ex.getMessage());
			return;
		}
		ServiceSettings settings = ServiceSettings.of(module);
		Map<String, String> environment = environment(service);
		String name = "service " + service.get("name");
		settings.required()
			.stream()
			.filter((required) -> !environment.containsKey(required))
			.forEach((missing) -> problems.add(name + " lacks " + missing + ", which " + module + " requires"));
		environment.keySet()
			.stream()
			.filter((variable) -> !variable.equals(BUILD_ARGUMENT) && !settings.reads(variable))
			.forEach((unread) -> problems.add(name + " sets " + unread + ", which " + module + " does not read"));
		if (!"docker".equals(service.get("runtime"))) {
			problems.add(name + " is not built from the Dockerfile");
		}
		Object expectedType = module.equals("processor-service") ? "worker" : "web";
		if (!expectedType.equals(service.get("type"))) {
			problems.add(name + " is a " + service.get("type") + ", not a " + expectedType);
		}
		if ("web".equals(expectedType) && !"/health".equals(service.get("healthCheckPath"))) {
			problems.add(name + ": health check " + service.get("healthCheckPath") + ", not /health");
		}
	}

	private Optional<Map<String, Object>> group(String name) {
		return list(this.yaml.get("envVarGroups")).stream()
			.filter((group) -> name.equals(group.get("name")))
			.findFirst();
	}

	private static String describe(Map<String, Object> variable) {
		if (variable.containsKey("value")) {
			return String.valueOf(variable.get("value"));
		}
		return variable.keySet().stream().filter((key) -> !key.equals("key")).findFirst().orElse("?");
	}

	private static void unknown(String where, Set<String> fields, Set<String> known, List<String> problems) {
		fields.stream()
			.filter((field) -> !known.contains(field))
			.forEach((field) -> problems.add(where + ": unknown field " + field));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

}
