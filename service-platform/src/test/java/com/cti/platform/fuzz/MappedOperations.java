package com.cti.platform.fuzz;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The operations of a service without an OpenAPI description, read from its Spring MVC
 * mappings: paths, methods, path variables, request parameters and headers with their
 * types, and the fields of a record request body (snake_case, as the API names them).
 */
public final class MappedOperations {

	private static final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private MappedOperations() {
	}

	/** The operations whose path starts with one of the prefixes. */
	public static List<FuzzOperation> of(Map<RequestMappingInfo, HandlerMethod> mappings, List<String> prefixes) {
		List<FuzzOperation> operations = new ArrayList<>();
		mappings.forEach((info, handler) -> {
			List<FuzzParameter> parameters = new ArrayList<>();
			List<String> body = null;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(names);
				PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
				RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
				RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
				if (path != null) {
					parameters.add(parameter(parameter, path.name(), "path", null));
				}
				else if (query != null) {
					parameters.add(parameter(parameter, query.name(), "query", query.defaultValue()));
				}
				else if (header != null) {
					parameters.add(parameter(parameter, header.name(), "header", null));
				}
				else if (parameter.hasParameterAnnotation(RequestBody.class)) {
					body = fields(parameter.getParameterType());
				}
			}
			for (String pattern : info.getPatternValues()) {
				if (prefixes.stream().anyMatch(pattern::startsWith)) {
					for (RequestMethod method : methods(info)) {
						operations.add(new FuzzOperation(method.name(), pattern, List.copyOf(parameters), body));
					}
				}
			}
		});
		operations.sort((a, b) -> a.toString().compareTo(b.toString()));
		return List.copyOf(operations);
	}

	private static List<RequestMethod> methods(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
	}

	private static FuzzParameter parameter(MethodParameter parameter, String name, String in,
			@Nullable String defaultValue) {
		String actualName = name.isEmpty() ? parameter.getParameterName() : name;
		Class<?> type = parameter.getParameterType();
		List<String> valid = new ArrayList<>();
		if (defaultValue != null && !defaultValue.startsWith("\n")) {
			valid.add(defaultValue);
		}
		if (type.isEnum()) {
			Arrays.stream(type.getEnumConstants()).forEach((constant) -> valid.add(constant.toString()));
		}
		String schemaType = "string";
		String format = "";
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			schemaType = "integer";
		}
		else if (type == boolean.class || type == Boolean.class) {
			schemaType = "boolean";
		}
		else if (type == UUID.class) {
			format = "uuid";
		}
		else if (type == Instant.class) {
			format = "date-time";
		}
		return new FuzzParameter((actualName != null) ? actualName : "value", in, schemaType, format,
				List.copyOf(valid));
	}

	private static List<String> fields(Class<?> type) {
		if (!type.isRecord()) {
			return List.of();
		}
		return Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getName)
			.map((name) -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
			.toList();
	}

}
