package com.cti.admin.fakedialpad;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Hands every request WireMock receives to the stateful {@link FakeDialpad}.
 */
final class FakeDialpadTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "fake-dialpad";

	private final FakeDialpad fake;

	FakeDialpadTransformer(FakeDialpad fake) {
		this.fake = fake;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		if (serveEvent.getRequest().getHeader("Transfer-Encoding") != null
				&& serveEvent.getRequest().getHeader("Content-Length") == null) {
			// strict like some gateways in front of APIs: a body must say its length
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(411)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":411,\"message\":\"Length Required\"}}")
				.build();
		}
		FakeRequest request = FakeRequest.of(serveEvent.getRequest());
		FakeDialpad.Injected injected = this.fake.takeInjected(request);
		if (injected != null && injected.fault() != null) {
			return ResponseDefinitionBuilder.responseDefinition().withFault(injected.fault()).build();
		}
		FakeResponse response = (injected != null && injected.response() != null) ? injected.response()
				: this.fake.handle(request);
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(response.status());
		response.headers().forEach(builder::withHeader);
		if (response.body() != null) {
			builder.withBody(response.body());
		}
		if (injected != null && injected.delay() != null) {
			builder.withFixedDelay((int) injected.delay().toMillis());
		}
		return builder.build();
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
