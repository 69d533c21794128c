package com.cti.query;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown parameters and bad values are 400 problems that name the parameter.
 */
class BadRequestsIntegrationTests extends ApiIntegrationTest {

	private String key;

	@BeforeEach
	void app() {
		UUID app = data().newApp();
		this.key = data().issueKey(app);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/calls?diretion=inbound               | diretion
			/api/calls?limit=0                        | limit
			/api/calls?limit=501                      | limit
			/api/calls?limit=ten                      | limit
			/api/calls?cursor=not-a-cursor            | cursor
			/api/calls?from=yesterday                 | from
			/api/calls?to=2025-13-01T00:00:00Z        | to
			/api/calls?from=1764158400000&to=1764158400000 | to
			/api/calls?direction=sideways             | direction
			/api/calls?state=RINGING                  | state
			/api/calls?number=call-me                 | number
			/api/calls?target_id=abc                  | target_id
			/api/calls?answered=maybe                 | answered
			/api/calls?missed=2                       | missed
			/api/calls?has_voicemail=yes-please       | has_voicemail
			/api/calls?has_recording=nope             | has_recording
			/api/calls/active?from=1764158400000      | from
			/api/calls/active?limit=-1                | limit
			/api/calls/abc                            | call_id
			/api/calls/123?expand=legs                | expand
			/api/conversations?state=ringing          | state
			/api/conversations/-5                     | conversation_id
			/api/messages?status=Delivered!           | status
			/api/messages?number=12                   | number
			/api/messages/x1                          | message_id
			/api/voicemails?has_transcription=perhaps | has_transcription
			/api/voicemails?direction=inbound         | direction
			/api/voicemails/0                         | call_id
			/api/stream?last_event_id=abc             | last_event_id
			/api/stream?since=5                       | since
			""")
	void answersABadRequestProblemNamingTheParameter(String path, String parameter) {
		ApiClient.Response response = api().get(path.strip(), this.key);

		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter.strip());
		assertThat(problem.get("detail").asString()).contains(parameter.strip());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/calls?cursor=%s     | /api/messages
			/api/messages?cursor=%s  | /api/calls
			""")
	void refusesACursorOfAnotherList(String path, String otherList) {
		UUID app = data().newApp();
		String appKey = data().issueKey(app);
		for (int i = 0; i < 3; i++) {
			data().insertCall(new CallRow(app, 6400000000000001L + i, java.time.Instant.now().minusSeconds(i)));
			data().insertMessage(app, 7300000000000001L + i, java.time.Instant.now().minusSeconds(i), "inbound",
					"+14155559876", new String[] { "+14155550101" }, "received");
		}
		String cursor = api().get(otherList.strip() + "?limit=1", appKey).json().get("next_cursor").asString();

		ApiClient.Response response = api().get(path.strip().formatted(cursor), appKey);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("parameter").asString()).isEqualTo("cursor");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Last-Event-ID | abc
			Last-Event-ID | -1
			""")
	void refusesABadLastEventIdHeader(String header, String value) {
		ApiClient.Response response = api().get("/api/stream", this.key, java.util.Map.of(header, value));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("parameter").asString()).isEqualTo("Last-Event-ID");
	}

}
