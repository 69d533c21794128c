package com.cti.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.cti.model.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The manifests under {@code infra/kubernetes}, rendered by kustomize, are valid objects
 * of the Kubernetes API, give each service what it requires and nothing it does not read,
 * and hold together: probes, limits, the non-root read-only containers, the autoscalers,
 * the disruption budget, the ingest spool's volume, and every reference between objects.
 */
class KubernetesManifestTests {

	/** The workload (Deployment or StatefulSet) of each module. */
	private static final Map<String, String> WORKLOADS = Map.of("ingest-service", "ingest", "processor-service",
			"processor", "query-service", "query", "admin-service", "admin");

	private final List<Map<String, Object>> rendered = KubernetesObjects
		.render(KubernetesObjects.DIRECTORY.resolve("overlays/example"));

	private final List<HasMetadata> objects = this.rendered.stream().map(KubernetesObjects::read).toList();

	@Test
	void rendersObjectsOfTheKubernetesApiWithNoUnknownField() {
		assertThat(KubernetesObjects.render(KubernetesObjects.DIRECTORY.resolve("base"))).isNotEmpty();
		assertThat(this.objects).extracting(HasMetadata::getKind)
			.contains("Deployment", "StatefulSet", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
					"Ingress", "ConfigMap", "Namespace");
		assertThat(this.rendered.stream().flatMap((object) -> KubernetesObjects.unknownFields(object).stream()))
			.isEmpty();
		assertThat(this.objects).allMatch(
				(object) -> "cti".equals(object.getMetadata().getNamespace()) || object.getKind().equals("Namespace"));
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
	void takesEachValueFromAKeyThatExists() throws IOException {
		Set<String> secretKeys = Files.readAllLines(KubernetesObjects.DIRECTORY.resolve("base/secrets.env.example"))
			.stream()
			.filter((line) -> line.matches("[A-Z_]+=.*"))
			.map((line) -> line.substring(0, line.indexOf('=')))
			.collect(Collectors.toSet());
		Map<String, String> config = only(ConfigMap.class).get(0).getData();
		for (String module : ServiceSettings.MODULES) {
			for (EnvVar variable : container(module).getEnv()) {
				if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
					assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("cti-secrets");
					assertThat(secretKeys).contains(variable.getValueFrom().getSecretKeyRef().getKey());
				}
				if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
					assertThat(config).containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey());
				}
			}
		}
	}

	@Test
	void runsEachServiceProbedLimitedAndUnprivileged() {
		for (String module : ServiceSettings.MODULES) {
			PodTemplateSpec template = template(module);
			Container container = container(module);
			int port = container.getPorts().get(0).getContainerPort();
			assertThat(port).isEqualTo(ServiceSettings.of(module).defaultPort());
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getResources().getLimits().get("memory")).hasToString("512Mi");
			assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(template.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(10001L);
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
			assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(container.getVolumeMounts()).anyMatch((mount) -> mount.getMountPath().equals("/tmp"));
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
			.orElseThrow()
			.getName();
		assertThat(ingest.getSpec().getVolumeClaimTemplates())
			.anyMatch((claim) -> claim.getMetadata().getName().equals(volume));
	}

	@Test
	void scalesIngestAndQueryAndKeepsIngestAvailable() {
		Map<String, String> targets = only(HorizontalPodAutoscaler.class).stream()
			.collect(Collectors.toMap((hpa) -> hpa.getSpec().getScaleTargetRef().getName(),
					(hpa) -> hpa.getSpec().getScaleTargetRef().getKind()));
		assertThat(targets).containsEntry("ingest", "StatefulSet").containsEntry("query", "Deployment");
		targets.forEach((name, kind) -> assertThat(workload(name).getKind()).isEqualTo(kind));
		PodDisruptionBudget budget = named(PodDisruptionBudget.class, "ingest");
		assertThat(template("ingest-service").getMetadata().getLabels())
			.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
		assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive();
	}

	@Test
	void routesEachServiceAndIngressPathToAWorkloadThatServesIt() {
		for (Service service : only(Service.class)) {
			HasMetadata workload = workload(service.getMetadata().getName());
			assertThat(template(workload).getMetadata().getLabels())
				.containsAllEntriesOf(service.getSpec().getSelector());
			assertThat(service.getSpec().getPorts()).allMatch((port) -> template(workload).getSpec()
				.getContainers()
				.get(0)
				.getPorts()
				.stream()
				.anyMatch((declared) -> declared.getName().equals(port.getTargetPort().getStrVal())));
		}
		Map<String, String> routes = new LinkedHashMap<>();
		named(Ingress.class, "cti").getSpec()
			.getRules()
			.forEach((rule) -> rule.getHttp()
				.getPaths()
				.forEach((path) -> routes.put(path.getPath(), path.getBackend().getService().getName())));
		assertThat(routes).containsEntry("/webhooks", "ingest")
			.containsEntry("/api", "query")
			.containsEntry("/internal", "admin")
			.containsEntry("/oauth", "admin");
		assertThat(routes.values()).allMatch((name) -> only(Service.class).stream()
			.anyMatch((service) -> service.getMetadata().getName().equals(name)));
		assertThat(only(Service.class)).noneMatch((service) -> service.getMetadata().getName().equals("processor"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void scalesTheProcessorOnItsOwnConsumerLagWithKeda() throws IOException {
		Map<String, Object> scaled = new Yaml()
			.load(Files.readString(KubernetesObjects.DIRECTORY.resolve("keda/scaledobject-processor.yaml")));
		assertThat(scaled).containsEntry("apiVersion", "keda.sh/v1alpha1").containsEntry("kind", "ScaledObject");
		Map<String, Object> spec = (Map<String, Object>) scaled.get("spec");
		assertThat(workload(((Map<String, Object>) spec.get("scaleTargetRef")).get("name").toString()))
			.isInstanceOf(Deployment.class)
			.extracting((workload) -> workload.getMetadata().getName())
			.isEqualTo("processor");
		Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
		Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
		Map<String, Object> processor = new Yaml().load(Files
			.readString(ServiceSettings.REPOSITORY.resolve("processor-service/src/main/resources/application.yml")));
		Object groupId = ((Map<String, Map<String, Object>>) processor.get("cti")).get("processor").get("group-id");
		assertThat(trigger).containsEntry("type", "kafka");
		assertThat(metadata).containsEntry("consumerGroup", groupId)
			.containsEntry("topic", Topics.DIALPAD_EVENTS)
			.containsEntry("bootstrapServers", only(ConfigMap.class).get(0).getData().get("KAFKA_BOOTSTRAP_SERVERS"));
		// the topic's partitions (cti.kafka.partitions, 6 by default) bound the useful
		// replicas
		assertThat((Integer) spec.get("maxReplicaCount")).isBetween(1, 6);
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
