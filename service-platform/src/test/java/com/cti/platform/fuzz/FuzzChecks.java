package com.cti.platform.fuzz;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.cti.platform.fuzz.FuzzClient.FuzzResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer must be, whatever was asked: no server error, nothing of the
 * implementation (stack traces, exception and framework class names, SQL errors), an RFC
 * 9457 problem for every client error, and none of another app's data.
 */
public final class FuzzChecks {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> IMPLEMENTATION = List.of("at com.", "at org.", "at java.", "Exception",
			"org.springframework", "java.lang", "java.util", "tools.jackson", "com.fasterxml", "org.apache",
			"org.postgresql", "SQLState", "ERROR:", "<!doctype html", "Whitelabel");

	private FuzzChecks() {
	}

	/**
	 * Checks the answer to the request; {@code allowed5xx} lists designed server errors.
	 */
	public static void check(FuzzRequest request, FuzzResponse response, List<Integer> allowed5xx) {
		check(request, response, allowed5xx, Set.of());
	}

	/**
	 * Checks the answer to the request; {@code allowed5xx} lists designed server errors
	 * (which must be problems too), {@code forbidden} texts the answer must not contain
	 * besides the caller's.
	 */
	public static void check(FuzzRequest request, FuzzResponse response, List<Integer> allowed5xx,
			Set<String> forbidden) {
		String description = request + "\n  answered " + response;
		assertThat(response.status()).as(description)
			.satisfiesAnyOf((status) -> assertThat(status).isLessThan(500),
					(status) -> assertThat(allowed5xx).contains(status));
		for (String text : IMPLEMENTATION) {
			if (!request.sent(text)) {
				assertThat(response.body()).as(description).doesNotContainIgnoringCase(text);
			}
		}
		if (response.status() >= 400) {
			assertThat(response.contentType()).as(description).startsWith("application/problem+json");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.path("status").asInt()).as(description).isEqualTo(response.status());
		}
		for (String text : union(request.caller().forbidden(), forbidden)) {
			if (!request.sent(text)) {
				assertThat(response.body()).as(description).doesNotContain(text);
			}
		}
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> all = new HashSet<>(first);
		all.addAll(second);
		return all;
	}

}
