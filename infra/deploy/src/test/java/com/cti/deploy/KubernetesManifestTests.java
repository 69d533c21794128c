package com.cti.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.cti.model.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The manifests under {@code infra/kubernetes}, rendered by kustomize, are valid objects
 * of the Kubernetes API, give each service what it requires and nothing it does not read,
 * and hold together: probes, limits, the non-root read-only containers, the graceful
 * shutdown, the autoscalers, the disruption budget, the ingest spool's volume, and every
 * reference between objects. Rendered once, with the {@code kubectl} on the {@code PATH}
 * (or {@code -Dcti.kubectl=...}).
 */
@TestInstance(Lifecycle.PER_CLASS)
class KubernetesManifestTests {

	/** The workload (Deployment or StatefulSet) of each module. */
	private static final Map<String, String> WORKLOADS = Map.of("ingest-service", "ingest", "processor-service",
			"processor", "query-service", "query", "admin-service", "admin");

	private final List<Map<String, Object>> rendered = KubernetesObjects.renderExample();

	private final List<HasMetadata> objects = this.rendered.stream().map(KubernetesObjects::read).toList();

	@Test
	void rendersObjectsOfTheKubernetesApiWithNoUnknownField() {
		List<Map<String, Object>> base = KubernetesObjects.render(KubernetesObjects.DIRECTORY.resolve("base"));
		assertThat(base).isNotEmpty();
		assertThat(base.stream().flatMap((object) -> KubernetesObjects.unknownFields(object).stream())).isEmpty();
		assertThat(this.objects).extracting(HasMetadata::getKind)
			.contains("Deployment", "StatefulSet", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
					"Ingress", "ConfigMap", "Secret", "Namespace");
		assertThat(this.rendered.stream().flatMap((object) -> KubernetesObjects.unknownFields(object).stream()))
			.isEmpty();
		assertThat(this.objects).allMatch(
				(object) -> "cti".equals(object.getMetadata().getNamespace()) || object.getKind().equals("Namespace"));
		assertThat(named(Namespace.class, "cti").getMetadata().getLabels())
			.containsEntry("pod-security.kubernetes.io/enforce", "restricted");
	}

	@Test
	void refusesAMisspeltFieldOrAValueOfTheWrongType() {
		String deployment = """
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: broken }
				spec:
				  replica: 2
				  template:
				    spec:
				      containers:
				        - { name: c, image: i, ports: [ { containerPort: %s } ] }
				""";
		assertThat(KubernetesObjects.unknownFields(KubernetesObjects.parse(deployment.formatted("8080")).get(0)))
			.containsExactly("Deployment/broken.spec.replica");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesObjects.read(KubernetesObjects.parse(deployment.formatted("eighty")).get(0)));
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesObjects
			.read(KubernetesObjects.parse("{ apiVersion: apps/v1, kind: Deployments, metadata: { name: d } }").get(0)));
	}

	@Test
	void givesEachServiceWhatItRequiresAndNothingItDoesNotRead() {
		for (String module : ServiceSettings.MODULES) {
			ServiceSettings settings = ServiceSettings.of(module);
			Set<String> names = container(module).getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
			assertThat(names).as("%s's environment", module).containsAll(settings.required());
			assertThat(names).as("variables %s does not read", module).allMatch(settings::reads);
		}
	}

	@Test
	void takesEachValueFromASecretOrConfigMapKeyThatExists() {
		for (String module : ServiceSettings.MODULES) {
			for (EnvVar variable : container(module).getEnv()) {
				if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
					assertThat(named(Secret.class, variable.getValueFrom().getSecretKeyRef().getName()).getData())
						.as("%s's %s", module, variable.getName())
						.containsKey(variable.getValueFrom().getSecretKeyRef().getKey());
				}
				if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
					assertThat(named(ConfigMap.class, variable.getValueFrom().getConfigMapKeyRef().getName()).getData())
						.as("%s's %s", module, variable.getName())
						.containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey());
				}
			}
		}
		assertThat(only(Secret.class)).singleElement()
			.satisfies((secret) -> assertThat(secret.getMetadata().getName()).startsWith("cti-secrets"));
	}

	@Test
	void runsEachServiceProbedLimitedAndUnprivileged() {
		for (String module : ServiceSettings.MODULES) {
			PodTemplateSpec template = template(module);
			Container container = container(module);
			assertThat(container.getPorts().get(0).getContainerPort())
				.isEqualTo(ServiceSettings.of(module).defaultPort());
			assertThat(probe(container, container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
			assertThat(probe(container, container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
			assertThat(probe(container, container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
			assertThat(value(container, "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).isEqualTo("true");
			assertThat(container.getResources().getLimits().get("memory")).hasToString("512Mi");
			assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
			assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(template.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(10001L);
			assertThat(template.getSpec().getSecurityContext().getSeccompProfile().getType())
				.isEqualTo("RuntimeDefault");
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(container.getVolumeMounts()).anyMatch((mount) -> mount.getMountPath().equals("/tmp"));
		}
	}

	@Test
	void stopsEachServiceGracefullyWithinItsGracePeriod() throws IOException {
		for (String module : ServiceSettings.MODULES) {
			List<String> preStop = container(module).getLifecycle().getPreStop().getExec().getCommand();
			assertThat(preStop).as("%s's preStop", module).hasSize(2).first().isEqualTo("sleep");
			long needed = Long.parseLong(preStop.get(1)) + shutdownPhase(module).toSeconds();
			assertThat(template(module).getSpec().getTerminationGracePeriodSeconds()).as(module).isGreaterThan(needed);
		}
		for (Deployment deployment : only(Deployment.class)) {
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable())
				.isEqualTo(new IntOrString(0));
		}
	}

	@Test
	void keepsTheIngestSpoolOnEachPodsOwnVolume() {
		StatefulSet ingest = named(StatefulSet.class, "ingest");
		String spool = value(container("ingest-service"), "INGEST_SPOOL_DIR");
		String volume = container("ingest-service").getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getMountPath().equals(spool))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume mounted at INGEST_SPOOL_DIR " + spool))
			.getName();
		assertThat(ingest.getSpec().getVolumeClaimTemplates())
			.anyMatch((claim) -> claim.getMetadata().getName().equals(volume));
		assertThat(ingest.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled()).isEqualTo("Retain");
	}

	@Test
	void scalesIngestAndQueryAndKeepsIngestAvailable() {
		Map<String, HorizontalPodAutoscaler> autoscalers = only(HorizontalPodAutoscaler.class).stream()
			.collect(Collectors.toMap((hpa) -> hpa.getSpec().getScaleTargetRef().getName(), (hpa) -> hpa));
		assertThat(autoscalers).containsOnlyKeys("ingest", "query");
		autoscalers.forEach((name, hpa) -> {
			HasMetadata target = workload(name);
			assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo(target.getKind());
			assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo(target.getApiVersion());
			assertThat(hpa.getSpec().getMinReplicas()).as("%s's minReplicas", name).isGreaterThanOrEqualTo(2);
			assertThat(replicas(target)).as("%s's replicas, which an apply would reset under its HPA", name).isNull();
		});
		PodDisruptionBudget budget = named(PodDisruptionBudget.class, "ingest");
		assertThat(template("ingest-service").getMetadata().getLabels())
			.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive();
	}

	@Test
	void routesEachServiceAndIngressPathToAWorkloadThatServesIt() {
		for (Service service : only(Service.class)) {
			Container container = template(workload(service.getMetadata().getName())).getSpec().getContainers().get(0);
			assertThat(template(workload(service.getMetadata().getName())).getMetadata().getLabels())
				.containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(service.getSpec().getPorts()).allMatch((port) -> isPort(container, port.getTargetPort()));
		}
		Map<String, String> routes = new LinkedHashMap<>();
		named(Ingress.class, "cti").getSpec().getRules().forEach((rule) -> rule.getHttp().getPaths().forEach((path) -> {
			Service service = named(Service.class, path.getBackend().getService().getName());
			assertThat(service.getSpec().getPorts())
				.anyMatch((port) -> port.getName().equals(path.getBackend().getService().getPort().getName()));
			routes.put(path.getPath(), service.getMetadata().getName());
		}));
		assertThat(routes).containsEntry("/webhooks", "ingest")
			.containsEntry("/health", "ingest")
			.containsEntry("/api", "query")
			.containsEntry("/internal", "admin")
			.containsEntry("/oauth", "admin");
		assertThat(routes.keySet()).noneMatch((path) -> path.startsWith("/actuator"));
		assertThat(only(Service.class)).noneMatch((service) -> service.getMetadata().getName().equals("processor"));
	}

	@Test
	void letsTheAdminsBackfillReachIngestsIntakeInsideTheClusterOnly() {
		var reference = variable(container("admin-service"), "CTI_INGEST_URL").getValueFrom().getConfigMapKeyRef();
		URI url = URI.create(named(ConfigMap.class, reference.getName()).getData().get(reference.getKey()));
		Service ingest = named(Service.class, url.getHost());
		assertThat(template(workload(ingest.getMetadata().getName()))).isEqualTo(template("ingest-service"));
		assertThat(ingest.getSpec().getPorts()).anyMatch((port) -> port.getPort() == url.getPort());
		assertThat(variable(container("ingest-service"), "INTERNAL_API_SECRET").getValueFrom().getSecretKeyRef())
			.isEqualTo(variable(container("admin-service"), "INTERNAL_API_SECRET").getValueFrom().getSecretKeyRef());
		assertThat(variable(container("ingest-service"), "CTI_ENCRYPTION_KEY").getValueFrom().getSecretKeyRef())
			.as("ingest opens the webhook secrets with the admin's key")
			.isEqualTo(variable(container("admin-service"), "CTI_ENCRYPTION_KEY").getValueFrom().getSecretKeyRef());
		for (String module : List.of("query-service", "admin-service")) {
			var proxies = variable(container(module), "CTI_TRUSTED_PROXIES").getValueFrom().getConfigMapKeyRef();
			assertThat(named(ConfigMap.class, proxies.getName()).getData()).as("trusts no proxy until it is set")
				.containsEntry(proxies.getKey(), "");
		}
		named(Ingress.class, "cti").getSpec()
			.getRules()
			.forEach((rule) -> assertThat(rule.getHttp().getPaths())
				.filteredOn((path) -> path.getPath().startsWith("/internal"))
				.allMatch((path) -> path.getBackend().getService().getName().equals("admin")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void scalesTheProcessorOnItsOwnConsumerLagWithKeda() throws IOException {
		Map<String, Object> scaled = new Yaml()
			.load(Files.readString(KubernetesObjects.DIRECTORY.resolve("keda/scaledobject-processor.yaml")));
		assertThat(scaled).containsEntry("apiVersion", "keda.sh/v1alpha1").containsEntry("kind", "ScaledObject");
		Map<String, Object> spec = (Map<String, Object>) scaled.get("spec");
		assertThat(named(Deployment.class, ((Map<String, Object>) spec.get("scaleTargetRef")).get("name").toString()))
			.extracting((workload) -> workload.getMetadata().getName())
			.isEqualTo("processor");
		assertThat(replicas(workload("processor"))).as("the processor's replicas, which KEDA would own").isNull();
		Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
		Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
		Object groupId = ((Map<String, Map<String, Object>>) ServiceSettings.settings("processor-service").get("cti"))
			.get("processor")
			.get("group-id");
		assertThat(trigger).containsEntry("type", "kafka");
		assertThat(metadata).containsEntry("consumerGroup", groupId)
			.containsEntry("topic", Topics.DIALPAD_EVENTS)
			.containsEntry("bootstrapServers", only(ConfigMap.class).get(0).getData().get("KAFKA_BOOTSTRAP_SERVERS"))
			.containsKey("lagThreshold");
		assertThat((Integer) spec.get("maxReplicaCount")).isBetween(1, partitions());
	}

	/** The path of an HTTP probe, once its port is seen to be the container's. */
	private static String probe(Container container, Probe probe) {
		assertThat(probe).as("%s's probe", container.getName()).isNotNull();
		assertThat(isPort(container, probe.getHttpGet().getPort())).as("%s's probe port", container.getName()).isTrue();
		return probe.getHttpGet().getPath();
	}

	private static boolean isPort(Container container, IntOrString port) {
		return container.getPorts()
			.stream()
			.anyMatch((declared) -> (port.getStrVal() != null) ? port.getStrVal().equals(declared.getName())
					: port.getIntVal().equals(declared.getContainerPort()));
	}

	/**
	 * The service's {@code spring.lifecycle.timeout-per-shutdown-phase}, Boot's 30 s if
	 * unset.
	 */
	@SuppressWarnings("unchecked")
	private static Duration shutdownPhase(String module) throws IOException {
		Object spring = ServiceSettings.settings(module).get("spring");
		Object lifecycle = ((Map<String, Object>) spring).get("lifecycle");
		Object timeout = (lifecycle != null) ? ((Map<String, Object>) lifecycle).get("timeout-per-shutdown-phase")
				: null;
		return (timeout != null) ? Duration.parse("PT" + timeout.toString().toUpperCase()) : Duration.ofSeconds(30);
	}

	/**
	 * The partitions of the events topic: the default of {@code cti.kafka.partitions}.
	 */
	private static int partitions() throws IOException {
		String source = Files.readString(ServiceSettings.REPOSITORY
			.resolve("processor-service/src/main/java/com/cti/processor/config/KafkaConsumerConfiguration.java"));
		Matcher matcher = Pattern.compile("\\$\\{cti\\.kafka\\.partitions:([0-9]+)}").matcher(source);
		assertThat(matcher.find()).as("the default of cti.kafka.partitions").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private Container container(String module) {
		return template(module).getSpec().getContainers().get(0);
	}

	private PodTemplateSpec template(String module) {
		return template(workload(WORKLOADS.get(module)));
	}

	private static PodTemplateSpec template(HasMetadata workload) {
		return (workload instanceof StatefulSet set) ? set.getSpec().getTemplate()
				: ((Deployment) workload).getSpec().getTemplate();
	}

	private static Integer replicas(HasMetadata workload) {
		return (workload instanceof StatefulSet set) ? set.getSpec().getReplicas()
				: ((Deployment) workload).getSpec().getReplicas();
	}

	private HasMetadata workload(String name) {
		return this.objects.stream()
			.filter((object) -> object instanceof Deployment || object instanceof StatefulSet)
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name));
	}

	private <T extends HasMetadata> List<T> only(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private <T extends HasMetadata> T named(Class<T> type, String name) {
		return only(type).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
	}

	private static EnvVar variable(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
	}

	private static String value(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.map(EnvVar::getValue)
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
	}

}
