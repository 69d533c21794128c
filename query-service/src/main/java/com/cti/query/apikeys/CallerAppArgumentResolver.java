package com.cti.query.apikeys;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies a handler's {@link CallerApp} parameter: the app that
 * {@link ApiKeyAuthenticationFilter} resolved the request's API key to.
 */
class CallerAppArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CallerApp.class;
	}

	@Override
	public CallerApp resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		if (request.getAttribute(CallerApp.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CallerApp app) {
			return app;
		}
		throw new IllegalStateException("No API key was checked for " + request.getDescription(false));
	}

}
