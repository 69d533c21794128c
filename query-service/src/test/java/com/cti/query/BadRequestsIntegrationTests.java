package com.cti.query;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					/api/calls?limit=0                          | Parameter 'limit' must be between 1 and 500 (got 0)
					/api/calls?limit=ten                        | Parameter 'limit' must be a whole number (got 'ten')
					/api/calls?limit=%20                        | "Parameter 'limit' must be a whole number (got ' ')"
					/api/calls?from=yesterday                   | Parameter 'from' must be an ISO-8601 time such as 2026-11-26T12:00:00Z or milliseconds since the epoch (got 'yesterday')
					/api/calls?from=1&from=2                    | Parameter 'from' must be an ISO-8601 time such as 2026-11-26T12:00:00Z or milliseconds since the epoch (got '1,2')
					/api/calls?from=1764158400000&to=1764158400000 | Parameter 'to' must be later than 'from'
					/api/calls?direction=sideways               | Parameter 'direction' must be inbound or outbound (got 'sideways')
					/api/calls?direction=%20                    | "Parameter 'direction' must be inbound or outbound (got ' ')"
					/api/calls?state=ringing,BAD                | Parameter 'state' must be one or more comma-separated lower-case words such as ringing,connected (got 'ringing,BAD')
					/api/calls?number=call-me                   | Parameter 'number' must be a phone number in E.164 form such as +14155550101 (got 'call-me')
					/api/calls?target_id=abc                    | Parameter 'target_id' must be a whole number (got 'abc')
					/api/calls?has_voicemail=yes-please         | Parameter 'has_voicemail' must be true or false (got 'yes-please')
					/api/calls/active?user_id=LONG              | Parameter 'user_id' must be at most 200 characters long
					/api/calls/active?from=1                    | Unknown parameter 'from'; known: cursor, direction, limit, number, target_id, user_id
					/api/calls/0x10                             | 'call_id' must be a positive whole number (got '0x10')
					/api/calls/-0                               | 'call_id' must be a positive whole number (got '-0')
					/api/calls/123?expand=legs                  | Unknown parameter 'expand'; this endpoint takes none
					/api/conversations?limit=501                | Parameter 'limit' must be between 1 and 500 (got 501)
					/api/messages?status=Delivered!             | Parameter 'status' must be one or more comma-separated lower-case words such as ringing,connected (got 'Delivered!')
					/api/voicemails?has_transcription=perhaps   | Parameter 'has_transcription' must be true or false (got 'perhaps')
					/api/voicemails?cursor=bad                  | The cursor is not valid for this list; pass next_cursor of the previous page unchanged
					/api/stream?last_event_id=-1                | 'last_event_id' must be the id of an event of this stream (got '-1')
					""")
	void explainsWhatIsWrong(String path, String detail) {
		ApiClient.Response response = api().get(path.strip().replace("LONG", "x".repeat(201)), this.key);

		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).isEqualTo(detail.strip());
		assertThat(response.json().get("title").asString()).isEqualTo("Bad parameter");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:cti:api:bad-request");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/api/calls?direction=&state=&number=&target_id=&user_id=&answered=&limit=&cursor= | 200
			/api/calls?direction=%20Inbound%20&state=%20ringing%20,hangup,&number=0014155550101 | 200
			/api/calls?limit=5&limit=6                  | 200
			""")
	void takesEmptyParametersForAbsentOnes(String path, int status) {
		assertThat(api().get(path.strip(), this.key).status()).as(path).isEqualTo(status);
	}

	@Test
	void bindsQueryParametersOnlyNotHeadersOfTheSameName() {
		ApiClient.Response response = api().get("/api/calls", this.key,
				java.util.Map.of("limit", "0", "direction", "sideways"));

		assertThat(response.status()).isEqualTo(200);
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
