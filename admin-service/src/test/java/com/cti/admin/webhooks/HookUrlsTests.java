package com.cti.admin.webhooks;

import java.net.InetAddress;
import java.util.UUID;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.admin.config.PublicAddresses;
import com.cti.admin.config.PublicBaseUrl;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HookUrlsTests {

	private static final UUID APP = UUID.fromString("5f0c2a52-8d0c-4d3e-9a43-6d7d1d7e1c11");

	// every name has a public address, as cti.example.com would have on the internet
	private static final PublicAddresses.Resolver PUBLIC_DNS = (host) -> new InetAddress[] {
			InetAddress.getByAddress(host, new byte[] { (byte) 93, (byte) 184, (byte) 215, 14 }) };

	@Test
	void appendsTheAppsPathToThePublicBaseUrl() {
		assertThat(hookUrl("https://cti.example.com/", false))
			.isEqualTo("https://cti.example.com/webhooks/dialpad/" + APP);
		assertThat(hookUrl("https://example.com/cti", false))
			.isEqualTo("https://example.com/cti/webhooks/dialpad/" + APP);
	}

	@Test
	void requiresHttpsOutsideDevelopmentMode() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> hookUrl("http://cti.example.com", false))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getBody().getDetail()).contains("HTTPS").contains("CTI_DEV_MODE");
			});
		assertThat(hookUrl("http://localhost:4000", true)).isEqualTo("http://localhost:4000/webhooks/dialpad/" + APP);
	}

	@Test
	void usesTheAddressOfTheRequestInDevelopmentModeWhenNoneIsSet() {
		var request = new MockHttpServletRequest("POST", "/internal/webhooks/create");
		request.setServerPort(4000);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			assertThat(hookUrl("", true)).isEqualTo("http://localhost:4000/webhooks/dialpad/" + APP);
			assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> hookUrl("", false))
				.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("PUBLIC_BASE_URL is not set"));
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	@Test
	void refusesAMissingOrUnusableBaseUrl() {
		for (String base : new String[] { "", "cti.example.com", "https://cti.example.com/?x=1",
				"ftp://cti.example.com", "https://" }) {
			assertThatExceptionOfType(ErrorResponseException.class).as(base).isThrownBy(() -> hookUrl(base, true));
		}
	}

	private static String hookUrl(String base, boolean devMode) {
		return new HookUrls(new PublicBaseUrl(new ProvisioningProperties(base, null, devMode, null), PUBLIC_DNS))
			.forApp(APP);
	}

	@Test
	void refusesAHookUrlWhoseHostIsNotPublicOutsideDevelopmentMode() {
		PublicAddresses.Resolver internalDns = (host) -> new InetAddress[] {
				InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }),
				InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 7 }) };
		var properties = new ProvisioningProperties("https://cti.example.com", null, false, null);

		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> new HookUrls(new PublicBaseUrl(properties, internalDns)).forApp(APP))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getBody().getType().toString()).isEqualTo("urn:cti:admin:url-not-allowed");
				assertThat(ex.getBody().getDetail()).contains("10.0.0.7").contains("private");
			});
		var devMode = new ProvisioningProperties("https://cti.example.com", null, true, null);
		assertThat(new HookUrls(new PublicBaseUrl(devMode, internalDns)).forApp(APP))
			.isEqualTo("https://cti.example.com/webhooks/dialpad/" + APP);
	}

}
