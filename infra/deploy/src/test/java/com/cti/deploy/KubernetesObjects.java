package com.cti.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * Kubernetes manifests rendered by kustomize ({@code kubectl kustomize}) and read into
 * the Kubernetes API's own types (fabric8's model, generated from the API's OpenAPI
 * schema): a field of the wrong type fails to read, a field the API does not have is
 * reported (the model would keep it aside, in {@code additionalProperties}).
 */
final class KubernetesObjects {

	static final Path DIRECTORY = ServiceSettings.REPOSITORY.resolve("infra/kubernetes");

	/** The example overlay, relative to {@link #DIRECTORY}. */
	static final String EXAMPLE = "overlays/example";

	private static final String KUBECTL = System.getProperty("cti.kubectl", "kubectl");

	private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class,
			"apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class,
			"autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget",
			PodDisruptionBudget.class, "networking.k8s.io/v1/Ingress", Ingress.class);

	private static final ObjectMapper mapper = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private KubernetesObjects() {
	}

	/**
	 * What {@code kubectl kustomize} renders of the example overlay, from a copy of
	 * {@code infra/kubernetes} whose {@code secrets.env} is the overlay's
	 * {@code secrets.env.example} (a filled-in {@code secrets.env} is never read here).
	 */
	static List<Map<String, Object>> renderExample() {
		Path copy = null;
		try {
			copy = Files.createTempDirectory("kubernetes");
			copyWithoutSecrets(DIRECTORY, copy);
			Path overlay = copy.resolve(EXAMPLE);
			Files.copy(overlay.resolve("secrets.env.example"), overlay.resolve("secrets.env"));
			return render(overlay);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (copy != null) {
				FileSystemUtils.deleteRecursively(copy.toFile());
			}
		}
	}

	/**
	 * What {@code kubectl kustomize} renders of that folder, one map per object. The
	 * {@code kubectl} on the {@code PATH}, or the one named by {@code -Dcti.kubectl=...}.
	 */
	static List<Map<String, Object>> render(Path kustomization) {
		ProcessBuilder builder = new ProcessBuilder(KUBECTL, "kustomize", kustomization.toString());
		try {
			Path errors = Files.createTempFile("kustomize", ".err");
			try {
				Process process = builder.redirectError(errors.toFile()).start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException(
							KUBECTL + " kustomize " + kustomization + " failed: " + Files.readString(errors));
				}
				return parse(output);
			}
			finally {
				Files.delete(errors);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("kubectl is needed to render the kustomizations under infra/kubernetes "
					+ "(install it, e.g. Debian's kubernetes-client package): " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A copy of the folder without any filled-in {@code secrets.env}. */
	private static void copyWithoutSecrets(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.getFileName().toString().equals("secrets.env")) {
					Files.copy(file, target);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parse(String yaml) {
		List<Map<String, Object>> objects = new ArrayList<>();
		new Yaml().loadAll(yaml).forEach((document) -> {
			if (document != null) {
				objects.add((Map<String, Object>) document);
			}
		});
		return objects;
	}

	/** The object as its API type. */
	static HasMetadata read(Map<String, Object> object) {
		String type = object.get("apiVersion") + "/" + object.get("kind");
		Class<? extends HasMetadata> api = TYPES.get(type);
		if (api == null) {
			throw new IllegalArgumentException("no API type known here for " + type);
		}
		return mapper.convertValue(object, api);
	}

	/** The fields of the object that its API type does not have, by path. */
	static List<String> unknownFields(Map<String, Object> object) {
		List<String> unknown = new ArrayList<>();
		walk(read(object), object.get("kind") + "/" + ((Map<?, ?>) object.get("metadata")).get("name"), unknown);
		return unknown;
	}

	private static void walk(Object value, String path, List<String> unknown) {
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				walk(item, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> walk(item, path + "." + key, unknown));
			return;
		}
		if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object field = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties") && field instanceof Map<?, ?> extra) {
				extra.keySet().forEach((name) -> unknown.add(path + "." + name));
			}
			else {
				walk(field, path + "." + getter.getName().substring(3, 4).toLowerCase() + getter.getName().substring(4),
						unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

}
