package com.cti.platform.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an API: its method, path template, parameters and, for a request body,
 * the names of the body's fields.
 *
 * @param method the HTTP method
 * @param path the path template, with {@code {name}} for each path parameter
 * @param parameters the path, query and header parameters
 * @param bodyFields the fields of the JSON body, or null when it takes none
 */
public record FuzzOperation(String method, String path, List<FuzzParameter> parameters,
		@Nullable List<String> bodyFields) {

	/** The GET, POST, PUT, PATCH and DELETE operations of an OpenAPI description. */
	public static List<FuzzOperation> fromOpenApi(JsonNode docs) {
		List<FuzzOperation> operations = new ArrayList<>();
		docs.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((entry) -> {
			String method = entry.getKey().toUpperCase(Locale.ROOT);
			if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
				List<FuzzParameter> parameters = new ArrayList<>();
				entry.getValue().path("parameters").forEach((parameter) -> parameters.add(parameter(parameter)));
				List<String> body = entry.getValue().has("requestBody") ? List.of() : null;
				operations.add(new FuzzOperation(method, path.getKey(), List.copyOf(parameters), body));
			}
		}));
		return List.copyOf(operations);
	}

	private static FuzzParameter parameter(JsonNode parameter) {
		JsonNode schema = parameter.path("schema");
		List<String> valid = new ArrayList<>();
		if (parameter.has("example")) {
			valid.add(parameter.get("example").asString());
		}
		schema.path("enum").forEach((value) -> valid.add(value.asString()));
		if (schema.has("default")) {
			valid.add(schema.get("default").asString());
		}
		return new FuzzParameter(parameter.get("name").asString(), parameter.get("in").asString(),
				schema.path("type").asString("string"), schema.path("format").asString(""), List.copyOf(valid));
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
