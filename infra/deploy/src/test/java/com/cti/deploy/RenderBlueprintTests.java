package com.cti.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code render.yaml} follows Render's Blueprint specification, gives each service what
 * it requires and nothing it does not read, and deploys what {@code docker-compose.yml}
 * runs. Each rule is also seen failing on a broken copy, so that none holds vacuously.
 */
class RenderBlueprintTests {

	private final RenderBlueprint blueprint = RenderBlueprint.read();

	private final ComposeFile compose = ComposeFile.read();

	@Test
	void hasNoProblems() {
		assertThat(this.blueprint.problems()).isEmpty();
	}

	@Test
	void buildsEachServiceFromTheDockerfileThatComposeBuilds() throws IOException {
		String dockerfile = Files.readString(ServiceSettings.REPOSITORY.resolve("infra/docker/Dockerfile"));
		assertThat(dockerfile).containsPattern("(?m)^ARG " + RenderBlueprint.BUILD_ARGUMENT + "$");
		for (String module : ServiceSettings.MODULES) {
			Map<String, Object> service = this.blueprint.serviceOf(module);
			assertThat(service.get("dockerfilePath")).isEqualTo("./infra/docker/Dockerfile");
			assertThat(this.compose.service(ComposeFile.SERVICE_OF_MODULE.get(module)).get("build")).asString()
				.contains("infra/docker/Dockerfile", module);
		}
	}

	@Test
	void runsTheKafkaOfComposeWithItsSettings() {
		Map<String, Object> kafka = this.blueprint.service("cti-kafka");
		Map<String, Object> composeKafka = this.compose.service("kafka");
		assertThat(((Map<?, ?>) kafka.get("image")).get("url")).isEqualTo("docker.io/" + composeKafka.get("image"));
		Map<String, String> render = this.blueprint.environment(kafka);
		Map<String, String> compose = this.compose.rawEnvironment("kafka");
		// the addresses differ: compose's service name, Render's private network
		compose.remove("KAFKA_ADVERTISED_LISTENERS");
		compose.remove("KAFKA_CONTROLLER_QUORUM_VOTERS");
		assertThat(render).containsAllEntriesOf(compose);
		assertThat(kafka.get("dockerCommand")).asString().contains("KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://");
		assertThat(((Map<?, ?>) kafka.get("disk")).get("mountPath")).isEqualTo(compose.get("KAFKA_LOG_DIRS"));
	}

	@Test
	void runsThePostgresVersionOfCompose() {
		String image = this.compose.service("postgres").get("image").toString();
		assertThat(this.blueprint.databases()).singleElement()
			.extracting((database) -> database.get("postgresMajorVersion"))
			.isEqualTo(image.substring(image.indexOf(':') + 1));
	}

	@Test
	@SuppressWarnings("unchecked")
	void letsTheAdminsBackfillReachIngestsIntakeWithTheAdminsSecret() {
		Map<String, Object> admin = this.blueprint.serviceOf("admin-service");
		Map<String, Object> ingest = this.blueprint.serviceOf("ingest-service");
		assertThat(this.blueprint.environment(ingest)).containsKey("INTERNAL_API_SECRET");
		assertThat(groups(ingest)).as("where ingest's INTERNAL_API_SECRET comes from").containsAll(groups(admin));
		Map<String, Object> url = ((List<Map<String, Object>>) admin.get("envVars")).stream()
			.filter((variable) -> "CTI_INGEST_URL".equals(variable.get("key")))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) url.get("fromService")).containsEntry("name", ingest.get("name"))
			.containsEntry("type", ingest.get("type"))
			.containsEntry("property", "hostport");
	}

	@Test
	@SuppressWarnings("unchecked")
	void givesIngestTheAdminsEncryptionKeyThroughAGroup() {
		Map<String, Object> admin = this.blueprint.serviceOf("admin-service");
		Map<String, Object> ingest = this.blueprint.serviceOf("ingest-service");
		List<Object> adminsGroups = ((List<Map<String, Object>>) admin.get("envVars")).stream()
			.map((variable) -> variable.get("fromGroup"))
			.filter((group) -> group != null
					&& this.blueprint.environment(Map.of("envVars", List.of(Map.of("fromGroup", group))))
						.containsKey("CTI_ENCRYPTION_KEY"))
			.toList();
		assertThat(adminsGroups).as("admin's CTI_ENCRYPTION_KEY comes from a group, so ingest can share it").hasSize(1);
		assertThat(((List<Map<String, Object>>) ingest.get("envVars")).stream()
			.map((variable) -> variable.get("fromGroup"))).containsAll(adminsGroups);
		assertThat(((List<Map<String, Object>>) admin.get("envVars")).stream().map((variable) -> variable.get("key")))
			.as("no key of its own that would shadow the group's")
			.doesNotContain("CTI_ENCRYPTION_KEY");
	}

	/** The groups a service takes that hold INTERNAL_API_SECRET. */
	@SuppressWarnings("unchecked")
	private List<Object> groups(Map<String, Object> service) {
		List<Object> groups = ((List<Map<String, Object>>) service.get("envVars")).stream()
			.map((variable) -> variable.get("fromGroup"))
			.filter((group) -> group != null
					&& this.blueprint.environment(Map.of("envVars", List.of(Map.of("fromGroup", group))))
						.containsKey("INTERNAL_API_SECRET"))
			.toList();
		assertThat(groups).isNotEmpty();
		return groups;
	}

	@Test
	void refusesAMisspeltOrMissingVariable() throws IOException {
		assertThat(broken("key: DIALPAD_API_KEY", "key: DIALPAD_APIKEY"))
			.contains("service cti-admin sets DIALPAD_APIKEY, which admin-service does not read");
		assertThat(broken("key: INTERNAL_API_SECRET", "key: INTERNAL_SECRET"))
			.contains("service cti-admin lacks INTERNAL_API_SECRET, which admin-service requires");
	}

	@Test
	void refusesWhatRenderWouldRefuse() throws IOException {
		assertThat(broken("healthCheckPath: /health\n    envVars:\n      - key: SERVICE\n        value: query-service",
				"healthCheckPath: /health\n    healthCheckTimeout: 5\n    envVars:\n      - key: SERVICE\n        value: query-service"))
			.contains("service cti-query: unknown field healthCheckTimeout");
		assertThat(broken("name: cti-db\n          property: connectionString",
				"name: cti-database\n          property: connectionString"))
			.anyMatch((problem) -> problem.contains("from database {name=cti-database"));
		assertThat(broken("type: worker", "type: background")).contains("service cti-processor: type background");
		assertThat(broken("fromGroup: cti-webhooks", "fromGroup: cti-hooks"))
			.contains("service cti-ingest: no group cti-hooks");
		assertThat(broken("    plan: starter\n    # the broker",
				"    plan: starter\n    numInstances: 2\n    # the broker"))
			.contains("service cti-kafka: a service with a disk runs one instance");
	}

	/** The problems of render.yaml with its first {@code original} replaced. */
	private static List<String> broken(String original, String replacement) throws IOException {
		String text = Files.readString(RenderBlueprint.FILE);
		assertThat(text).contains(original);
		return RenderBlueprint.parse(text.replaceFirst(Pattern.quote(original), Matcher.quoteReplacement(replacement)))
			.problems();
	}

}
