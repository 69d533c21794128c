package com.cti.admin.oauth;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Dialpad's OAuth callback, {@code GET <path of DIALPAD_PROD_REDIRECT_URI>?code&state}
 * (by default {@code /oauth/dialpad/callback}). It is mapped at start-up because its path
 * is a setting; it is outside {@code /internal} because the browser Dialpad redirects
 * carries no Bearer token: the one-time state is what authenticates it.
 */
@RestController
class OAuthCallbackController implements SmartInitializingSingleton {

	private final OAuthConnections connections;

	private final OAuthRedirect redirect;

	private final RequestMappingHandlerMapping handlerMapping;

	OAuthCallbackController(OAuthConnections connections, OAuthRedirect redirect,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
		this.connections = connections;
		this.redirect = redirect;
		this.handlerMapping = handlerMapping;
	}

	OAuthConnections.Connected callback(@RequestParam(name = "code", required = false) @Nullable String code,
			@RequestParam(name = "state", required = false) @Nullable String state,
			@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "error_description", required = false) @Nullable String errorDescription) {
		return this.connections.complete(code, state, error, errorDescription);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Method callback = ReflectionUtils.findMethod(OAuthCallbackController.class, "callback", String.class,
				String.class, String.class, String.class);
		RequestMappingInfo mapping = RequestMappingInfo.paths(this.redirect.callbackPath())
			.methods(RequestMethod.GET)
			.produces(MediaType.APPLICATION_JSON_VALUE)
			.options(this.handlerMapping.getBuilderConfiguration())
			.build();
		this.handlerMapping.registerMapping(mapping, this, callback);
	}

}
