package com.cti.admin.webhooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside development mode, the admin service hands Dialpad no hook URL and the browser
 * no redirect URI that leads into a private network: an instance whose
 * {@code PUBLIC_BASE_URL} is the cloud metadata address and whose redirect URI is
 * loopback refuses webhook creation, set-up and OAuth with {@code url-not-allowed},
 * stores nothing and calls Dialpad for nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboundUrlsIntegrationTests extends ProvisioningIntegrationTest {

	@Autowired
	private EmbeddedKafkaBroker broker;

	private AdminInstance production;

	@BeforeAll
	void startInstance() {
		Map<String, String> properties = new LinkedHashMap<>(dialpadProperties());
		properties.put("spring.kafka.bootstrap-servers", this.broker.getBrokersAsString());
		properties.put("cti.admin.dev-mode", "false");
		properties.put("cti.admin.public-base-url", "https://169.254.169.254");
		properties.put("cti.dialpad.oauth.redirect-uri", "https://127.0.0.1/oauth/dialpad/callback");
		this.production = AdminInstance.start(properties, Clock.systemUTC());
	}

	@AfterAll
	void stopInstance() {
		if (this.production != null) {
			this.production.close();
		}
	}

	@Test
	void refusesAHookUrlOnTheMetadataAddress() {
		AdminApi api = this.production.api();
		UUID appId = newApp();

		for (String path : new String[] { "/internal/webhooks/create?app_id=" + appId,
				"/internal/apps/" + appId + "/setup" }) {
			Response refused = api.post(path, null);

			assertThat(refused.isProblem(503)).as(refused.text()).isTrue();
			assertThat(refused.field("type")).isEqualTo("urn:cti:admin:url-not-allowed");
			assertThat(refused.field("detail")).contains("169.254.169.254").contains("link-local");
		}
		assertThat(this.jdbc.sql("select count(*) from dialpad_webhooks where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.dialpad.webhooks()).isEmpty();
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks")).isEmpty();
		assertThat(this.dialpad.requests("POST", "/api/v2/subscriptions/call")).isEmpty();
	}

	@Test
	void refusesALoopbackRedirectUri() {
		UUID appId = newApp();

		Response refused = this.production.api().get("/internal/apps/" + appId + "/oauth/authorize");

		assertThat(refused.isProblem(503)).as(refused.text()).isTrue();
		assertThat(refused.field("type")).isEqualTo("urn:cti:admin:url-not-allowed");
		assertThat(refused.field("detail")).contains("127.0.0.1").contains("loopback");
		assertThat(this.jdbc.sql("select count(*) from dialpad_oauth_states where app_id = :app")
			.param("app", appId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theTestContextInDevelopmentModeAcceptsItsUnresolvableTestHosts() {
		UUID appId = newApp();

		Response created = api().post("/internal/webhooks/create?app_id=" + appId, null);

		assertThat(created.status()).as(created.text()).isEqualTo(200);
		assertThat(created.field("hook_url")).isEqualTo(hookUrl(appId));
	}

}
