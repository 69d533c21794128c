package com.cti.admin.oauth;

import java.net.InetAddress;
import java.time.Duration;

import com.cti.admin.config.ProvisioningProperties;
import com.cti.admin.config.PublicBaseUrl;
import com.cti.admin.dialpad.DialpadProperties;
import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OAuthRedirectTests {

	@Test
	void answersTheCallbackAtThePathOfTheConfiguredRedirectUri() {
		OAuthRedirect redirect = redirect("https://cti.example.com/auth/dialpad/return", "https://ignored.example");

		assertThat(redirect.uri()).isEqualTo("https://cti.example.com/auth/dialpad/return");
		assertThat(redirect.callbackPath()).isEqualTo("/auth/dialpad/return");
	}

	@Test
	void defaultsToTheCallbackUnderThePublicBaseUrl() {
		OAuthRedirect redirect = redirect(null, "https://cti.example.com/");

		assertThat(redirect.uri()).isEqualTo("https://cti.example.com/oauth/dialpad/callback");
		assertThat(redirect.callbackPath()).isEqualTo("/oauth/dialpad/callback");
	}

	@Test
	void needsARedirectUriOrAPublicBaseUrl() {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> redirect(null, null).uri())
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).contains("DIALPAD_PROD_REDIRECT_URI"));
		assertThat(redirect("not a uri", null).callbackPath()).isEqualTo("/oauth/dialpad/callback");
	}

	@Test
	void refusesARedirectUriOnAPrivateOrPlainHttpHost() {
		for (String uri : new String[] { "https://127.0.0.1/oauth/dialpad/callback",
				"https://169.254.169.254/latest/meta-data", "http://cti.example.com/oauth/dialpad/callback",
				"https://[fd00::1]/cb" }) {
			assertThatExceptionOfType(ErrorResponseException.class).as(uri)
				.isThrownBy(() -> redirect(uri, null).uri())
				.satisfies((ex) -> assertThat(ex.getBody().getType().toString())
					.isEqualTo("urn:cti:admin:url-not-allowed"));
		}
	}

	private static OAuthRedirect redirect(String redirectUri, String publicBaseUrl) {
		var oauth = new DialpadProperties.OAuth("id", "secret", redirectUri, "offline_access", Duration.ofMinutes(10),
				Duration.ofMinutes(5));
		var properties = new DialpadProperties(java.net.URI.create("https://dialpad.com"), null, null,
				Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofHours(1),
				new DialpadProperties.Retry(3, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(10)),
				oauth);
		return new OAuthRedirect(properties, new PublicBaseUrl(
				new ProvisioningProperties(publicBaseUrl, null, false, null), (host) -> new InetAddress[] {
						InetAddress.getByAddress(host, new byte[] { (byte) 93, (byte) 184, (byte) 215, 14 }) }));
	}

}
