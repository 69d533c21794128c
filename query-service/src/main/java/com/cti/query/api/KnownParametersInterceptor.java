package com.cti.query.api;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request that carries a query parameter its endpoint does not declare, so that
 * a misspelt filter ({@code ?diretion=inbound}) is a 400 naming it rather than silently
 * ignored. An endpoint declares its parameters with {@link RequestParam} or as the
 * components of a request record marked {@link ParameterObject} (the mark that also
 * documents them one by one).
 */
class KnownParametersInterceptor implements HandlerInterceptor {

	private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			Set<String> names = this.known.computeIfAbsent(method, KnownParametersInterceptor::declared);
			for (String name : request.getParameterMap().keySet()) {
				if (!names.contains(name)) {
					throw new BadParameterException(name, "Unknown parameter '" + name + "'" + (names.isEmpty()
							? "; this endpoint takes none" : "; known: " + String.join(", ", names)));
				}
			}
		}
		return true;
	}

	private static Set<String> declared(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				names.add(param.name().isEmpty() ? param.value() : param.name());
			}
			else if (parameter.hasParameterAnnotation(ParameterObject.class)) {
				names.addAll(RequestRecords.parameterNames(parameter.getParameterType()).values());
			}
		}
		return names;
	}

}
