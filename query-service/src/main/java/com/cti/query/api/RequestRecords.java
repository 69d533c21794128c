package com.cti.query.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of a request record: its canonical constructor's parameters, named
 * by {@link BindParam} where the parameter's name differs from the Java name.
 */
final class RequestRecords {

	private RequestRecords() {
	}

	/** The record's query parameter names by their Java names, in declaration order. */
	static Map<String, String> parameterNames(Class<?> record) {
		var constructor = BeanUtils.getResolvableConstructor(record);
		String[] javaNames = BeanUtils.getParameterNames(constructor);
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < javaNames.length; i++) {
			BindParam bindParam = MethodParameter.forExecutable(constructor, i).getParameterAnnotation(BindParam.class);
			names.put(javaNames[i], (bindParam != null) ? bindParam.value() : javaNames[i]);
		}
		return names;
	}

}
