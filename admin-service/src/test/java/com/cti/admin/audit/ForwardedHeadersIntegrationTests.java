package com.cti.admin.audit;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.CreatedApp;
import com.cti.admin.support.AdminTestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}),
 * {@code X-Forwarded-For} is believed only from the proxies {@code CTI_TRUSTED_PROXIES}
 * names, none by default: from any other address (here 127.0.0.1, which Tomcat's own
 * default trusts, as it does every private address) the audit log keeps the connection's
 * real address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.admin.auto-create=false",
				"cti.required-settings=", "cti.admin.internal-api-secret=" + AdminApi.SECRET,
				"server.forward-headers-strategy=native" })
@ContextConfiguration(initializers = AdminTestDatabase.class)
class ForwardedHeadersIntegrationTests {

	private static final String SPOOFED = "203.0.113.7";

	@LocalServerPort
	int port;

	@Test
	void keepsTheRealAddressWhenNoProxyIsTrusted() {
		assertThat(sourceAddressOfAnAppCreatedVia(this.port)).isEqualTo("127.0.0.1");
	}

	@Nested
	@TestPropertySource(properties = "CTI_TRUSTED_PROXIES=127\\.0\\.0\\.1")
	class FromATrustedProxy {

		@LocalServerPort
		int port;

		@Test
		void recordsTheClientTheProxyNames() {
			assertThat(sourceAddressOfAnAppCreatedVia(this.port)).isEqualTo(SPOOFED);
		}

	}

	private static String sourceAddressOfAnAppCreatedVia(int port) {
		AdminApi api = new AdminApi(port).withHeader("X-Forwarded-For", SPOOFED);
		CreatedApp app = api.createApp("forwarded headers");
		return new AdminApi(port).get("/internal/audit?app_id=" + app.appId())
			.json()
			.path("items")
			.path(0)
			.path("source_address")
			.asString();
	}

}
