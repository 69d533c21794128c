package com.cti.query.api;

import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the client API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): the API key scheme, the snake_case field names the API
 * really uses, and the problem responses every endpoint may give.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	private static final String API_KEY = "apiKey";

	private static final String PROBLEM = "Problem";

	static {
		// the value types of request records and paths, documented as the text they are
		// given as
		SpringDocUtils.getConfig()
			.addSimpleTypesForParameterObject(PhoneNumber.class, Direction.class)
			.replaceWithClass(PhoneNumber.class, String.class)
			.replaceWithClass(Direction.class, String.class)
			.replaceWithClass(ResourceId.class, String.class);
	}

	@Bean
	OpenAPI queryApiDescription() {
		return new OpenAPI().info(new Info().title("CTI client API").version("1").description("""
				Calls, conversations, live calls, messages and voicemails of your app, and a stream of their \
				changes. Authenticate every request with the `x-app-api-key` header. Lists are newest first \
				and paged with an opaque cursor (`next_cursor`). Times are ISO-8601 UTC with a `_ms` epoch \
				twin; durations come in ms and seconds. Errors are RFC 9457 problems \
				(application/problem+json). Rate limit: 20 requests/s per key with bursts (RateLimit-* \
				headers on every response, 429 with Retry-After beyond it)."""))
			.components(new Components()
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("x-app-api-key")
							.description("Your app's API key, as issued by the admin API"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY));
	}

	/** Documents the problem responses on every operation of the client API. */
	@Bean
	OpenApiCustomizer queryApiProblemResponses() {
		Map<String, String> problems = Map.of("400",
				"A query parameter is unknown or has a bad value: `parameter` names it", "401",
				"No API key, or one that is unknown, revoked, expired or of a disabled app", "404",
				"Your app has no such resource", "429",
				"Too many requests: wait for Retry-After seconds (see the RateLimit-* headers)");
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperations().forEach((operation) -> problems.forEach((status, text) -> {
				if (!status.equals("404") || path.contains("{")) {
					operation.getResponses()
						.addApiResponse(status, new ApiResponse().description(text)
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
				}
			})));
	}

	/** Describes fields by the snake_case names the API's JSON really has. */
	@Bean
	ModelResolver queryApiModelResolver() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem")
			.addProperty("type",
					new StringSchema().description("The kind of problem").example("urn:cti:api:bad-request"))
			.addProperty("title", new StringSchema().description("Short summary").example("Bad parameter"))
			.addProperty("status", new IntegerSchema().description("The HTTP status").example(400))
			.addProperty("detail",
					new StringSchema().description("What went wrong")
						.example("Parameter 'direction' must be inbound or outbound (got 'sideways')"))
			.addProperty("instance", new StringSchema().description("The request path").example("/api/calls"))
			.addProperty("parameter", new StringSchema().description("400 only: the parameter (or header) at fault")
				.example("direction"));
	}

}
