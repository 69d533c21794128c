package com.cti.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code docker-compose.yml} gives each service every variable it requires and none that
 * it does not read (a misspelt name would be silently ignored).
 */
class ComposeEnvironmentTests {

	private final ComposeFile compose = ComposeFile.read();

	@Test
	void givesEachServiceWhatItRequiresAndNothingItDoesNotRead() {
		for (String module : ServiceSettings.MODULES) {
			ServiceSettings settings = ServiceSettings.of(module);
			String service = ComposeFile.SERVICE_OF_MODULE.get(module);
			Map<String, String> environment = this.compose.rawEnvironment(service);
			assertThat(environment.keySet()).as("%s's environment in docker-compose.yml", service)
				.containsAll(settings.required());
			assertThat(environment.keySet()).as("variables in %s's environment that %s does not read", service, module)
				.allMatch(settings::reads);
		}
	}

	@Test
	void letsTheAdminsBackfillReachIngestsIntakeInsideTheNetworkOnly() throws IOException {
		Map<String, String> shell = Map.of("INTERNAL_API_SECRET", "internal-secret-of-at-least-32-characters",
				"DIALPAD_WEBHOOK_SECRET", "webhook-secret");
		Map<String, String> admin = this.compose.environment("admin", shell::get);
		Map<String, String> ingest = this.compose.environment("ingest", shell::get);
		assertThat(ingest.get("INTERNAL_API_SECRET")).isEqualTo(admin.get("INTERNAL_API_SECRET"))
			.isEqualTo(shell.get("INTERNAL_API_SECRET"));
		assertThat(ServiceSettings.of("ingest-service").reads("INTERNAL_API_SECRET")).isTrue();
		URI url = URI.create(admin.get("CTI_INGEST_URL"));
		assertThat(url.getHost()).isEqualTo(ComposeFile.SERVICE_OF_MODULE.get("ingest-service"));
		assertThat(url.getPort()).isEqualTo(ServiceSettings.of("ingest-service").defaultPort());
		// the gateway sends all of /internal to admin: ingest's /internal/intake is not
		// behind it
		String nginx = Files.readString(ServiceSettings.REPOSITORY.resolve("infra/docker/nginx.conf"));
		assertThat(nginx).containsPattern("location /internal/ \\{ proxy_pass http://admin:[0-9]+; }")
			.doesNotContainPattern("location [^{]*/internal[^{]*\\{ proxy_pass http://ingest");
	}

	@Test
	void givesIngestTheAdminsEncryptionKeyAndTrustsOnlyTheGatewaysForwardedHeaders() throws IOException {
		Map<String, String> shell = Map.of("INTERNAL_API_SECRET", "internal-secret-of-at-least-32-characters",
				"DIALPAD_WEBHOOK_SECRET", "webhook-secret", "CTI_ENCRYPTION_KEY", "a-key");
		Map<String, String> admin = this.compose.environment("admin", shell::get);
		assertThat(this.compose.environment("ingest", shell::get).get("CTI_ENCRYPTION_KEY"))
			.isEqualTo(admin.get("CTI_ENCRYPTION_KEY"))
			.isEqualTo("a-key");
		assertThat(ServiceSettings.of("ingest-service").reads("CTI_ENCRYPTION_KEY")).isTrue();
		String gateway = Files.readString(ServiceSettings.REPOSITORY.resolve("docker-compose.yml"))
			.replaceAll("(?s).*ipv4_address: ([0-9.]+).*", "$1");
		for (String service : List.of("query", "admin")) {
			assertThat(this.compose.environment(service, shell::get).get("CTI_TRUSTED_PROXIES"))
				.as("%s trusts the gateway's address only", service)
				.isEqualTo(gateway.replace(".", "\\."));
		}
	}

	@Test
	void monitoringProfileScrapesEachServiceOnItsPortAndMountsWhatExists() throws IOException {
		for (String monitoring : List.of("prometheus", "grafana")) {
			Map<String, Object> service = this.compose.service(monitoring);
			assertThat(service.get("profiles")).as("%s runs only in the monitoring profile", monitoring)
				.isEqualTo(List.of("monitoring"));
			assertThat((List<?>) service.get("volumes")).map(Object::toString)
				.filteredOn((volume) -> volume.startsWith("./"))
				.isNotEmpty()
				.allSatisfy((volume) -> assertThat(ServiceSettings.REPOSITORY.resolve(volume.split(":")[0]))
					.as("%s mounts %s", monitoring, volume)
					.exists());
			assertThat((List<?>) service.get("ports")).map(Object::toString)
				.allSatisfy(
						(port) -> assertThat(port).as("bound to the host's loopback only").startsWith("127.0.0.1:"));
		}
		String scrape = Files.readString(ServiceSettings.REPOSITORY.resolve("infra/monitoring/prometheus.yml"));
		for (String module : ServiceSettings.MODULES) {
			String service = ComposeFile.SERVICE_OF_MODULE.get(module);
			assertThat(scrape).as("Prometheus scrapes %s on its port, labelled with its name", service)
				.containsPattern("- targets: \\['" + service + ":" + ServiceSettings.of(module).defaultPort()
						+ "'\\]\\s+labels: \\{ service: " + service + " \\}");
		}
	}

	@Test
	void refusesToStartWithoutTheSecrets() {
		assertThatIllegalStateException().isThrownBy(() -> this.compose.environment("admin", (name) -> null))
			.withMessageContaining("INTERNAL_API_SECRET");
	}

	@Test
	void interpolatesAsDockerComposeDoes() {
		Map<String, String> shell = Map.of("SET", "value", "EMPTY", "");
		assertThat(ComposeFile.interpolate("a${SET}b", shell::get)).isEqualTo("avalueb");
		assertThat(ComposeFile.interpolate("${EMPTY:-fallback}", shell::get)).isEqualTo("fallback");
		assertThat(ComposeFile.interpolate("${EMPTY-fallback}", shell::get)).isEmpty();
		assertThat(ComposeFile.interpolate("${UNSET-fallback}", shell::get)).isEqualTo("fallback");
		assertThat(ComposeFile.interpolate("${UNSET}", shell::get)).isEmpty();
	}

	@Test
	void readsTheRequiredSettingsOfEachService() {
		assertThat(ServiceSettings.of("ingest-service").required()).containsExactlyInAnyOrder("KAFKA_BOOTSTRAP_SERVERS",
				"DIALPAD_WEBHOOK_SECRET");
		assertThat(ServiceSettings.of("query-service").required()).containsExactly("DATABASE_URL");
		assertThat(ServiceSettings.of("admin-service").reads("DIALPAD_API_KEY")).isTrue();
		assertThat(ServiceSettings.of("admin-service").reads("DIALPAD_APIKEY")).isFalse();
		assertThat(ServiceSettings.of("query-service").reads("DB_HOST")).isTrue();
		assertThat(ServiceSettings.of("ingest-service").reads("DB_HOST")).isFalse();
	}

}
