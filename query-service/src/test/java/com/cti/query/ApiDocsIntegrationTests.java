package com.cti.query;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsIntegrationTests extends ApiIntegrationTest {

	@Test
	void describesEveryEndpointOfTheClientApi() {
		ApiClient.Response response = api().get("/v3/api-docs", null);

		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().get("paths");
		assertThat(paths.propertyNames()).containsExactlyInAnyOrder("/api/calls", "/api/calls/active",
				"/api/calls/{call_id}", "/api/conversations", "/api/conversations/{conversation_id}", "/api/messages",
				"/api/messages/{message_id}", "/api/voicemails", "/api/voicemails/{call_id}", "/api/stream");
		assertThat(response.json().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("x-app-api-key");
	}

	@Test
	void describesEveryParameterWithAnExample() {
		JsonNode docs = api().get("/v3/api-docs", null).json();

		docs.get("paths").properties().forEach((path) -> {
			JsonNode get = path.getValue().get("get");
			assertThat(get.get("summary").asString()).as(path.getKey()).isNotBlank();
			assertThat(get.get("description").asString()).as(path.getKey()).isNotBlank();
			get.get("parameters").forEach((parameter) -> {
				String name = path.getKey() + " " + parameter.get("name").asString();
				assertThat(parameter.get("description").asString()).as(name).isNotBlank();
				if (!parameter.get("name").asString().equals("cursor")) {
					assertThat(parameter.has("example")).as(name).isTrue();
				}
			});
			assertThat(get.at("/responses/401/content/application~1problem+json").isMissingNode()).as(path.getKey())
				.isFalse();
		});
		JsonNode calls = docs.at("/paths/~1api~1calls/get/parameters");
		assertThat(calls.findValuesAsString("name")).contains("from", "to", "direction", "state", "number", "target_id",
				"user_id", "answered", "missed", "has_voicemail", "has_recording", "limit", "cursor");
	}

	@Test
	void describesQueryParametersByTheTypeTheyAreGivenAs() {
		JsonNode docs = api().get("/v3/api-docs", null).json();

		JsonNode calls = docs.at("/paths/~1api~1calls/get/parameters");
		Map<String, String> types = new LinkedHashMap<>();
		calls.forEach((parameter) -> types.put(parameter.get("name").asString(), parameter.at("/schema/type").asString()
				+ (parameter.at("/schema/format").isMissingNode() ? "" : parameter.at("/schema/format").asString())));
		assertThat(types).containsExactly(Map.entry("from", "string"), Map.entry("to", "string"),
				Map.entry("direction", "string"), Map.entry("state", "string"), Map.entry("number", "string"),
				Map.entry("target_id", "integerint64"), Map.entry("user_id", "string"),
				Map.entry("answered", "boolean"), Map.entry("missed", "boolean"), Map.entry("has_voicemail", "boolean"),
				Map.entry("has_recording", "boolean"), Map.entry("limit", "integerint32"),
				Map.entry("cursor", "string"));
		calls.forEach((parameter) -> assertThat(parameter.get("in").asString()).isEqualTo("query"));
		assertThat(calls.get(11).at("/schema/default").asInt()).isEqualTo(50);
		assertThat(docs.at("/paths/~1api~1calls~1{call_id}/get/parameters/0/schema/type").asString())
			.isEqualTo("string");
		assertThat(docs.at("/paths/~1api~1voicemails/get/parameters").findValuesAsString("name"))
			.containsExactly("from", "to", "number", "target_id", "user_id", "has_transcription", "limit", "cursor");
	}

	@Test
	void describesEveryFieldBySnakeCaseNameWithAnExample() {
		JsonNode schemas = api().get("/v3/api-docs", null).json().at("/components/schemas");

		JsonNode call = schemas.get("Call").get("properties");
		assertThat(call.propertyNames()).contains("call_id", "conversation_id", "started_at", "started_at_ms",
				"duration_ms", "duration_seconds", "is_active", "has_recording", "client_user_id");
		assertThat(schemas.at("/PageCall/properties").propertyNames()).containsExactlyInAnyOrder("items",
				"next_cursor");
		for (String schema : new String[] { "Call", "CallParty", "CallDetail", "CallTimelineEntry", "Conversation",
				"Message", "MessageParty", "Voicemail", "VoicemailParty" }) {
			schemas.get(schema).get("properties").properties().forEach((field) -> {
				String name = schema + "." + field.getKey();
				assertThat(field.getKey()).as(name).doesNotContainPattern("[A-Z]");
				boolean described = field.getValue().has("description") || field.getValue().has("$ref")
						|| field.getValue().has("allOf");
				assertThat(described).as(name).isTrue();
				if (!field.getValue().has("$ref") && !field.getValue().get("type").asString().equals("object")
						&& !field.getValue().get("type").asString().equals("array")) {
					assertThat(field.getValue().has("example")).as(name).isTrue();
				}
			});
		}
	}

	@Test
	void servesSwaggerUi() {
		ApiClient.Response redirect = api().get("/swagger-ui.html", null);
		assertThat(redirect.status()).isEqualTo(302);
		String location = redirect.header("location");
		assertThat(location).contains("/swagger-ui/index.html");

		ApiClient.Response page = api().get("/swagger-ui/index.html", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

}
