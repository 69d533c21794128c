package com.cti.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;
import com.cti.platform.fuzz.FuzzCaller;
import com.cti.platform.fuzz.FuzzChecks;
import com.cti.platform.fuzz.FuzzClient;
import com.cti.platform.fuzz.FuzzClient.FuzzResponse;
import com.cti.platform.fuzz.FuzzOperation;
import com.cti.platform.fuzz.FuzzRequest;
import com.cti.platform.fuzz.FuzzRequests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fuzzer of the client API: requests generated from its own OpenAPI description
 * ({@code /v3/api-docs}) against the real service over a real PostgreSQL holding two
 * apps' data. Whatever the request, the answer is never a server error nor shows the
 * implementation, every client error is a problem, and app A's key never gets app B's
 * data (nor B's key A's). A fixed seed; {@code -Djqwik.tries.default=N} runs more
 * requests (junit-platform.properties sets the default).
 */
class QueryApiFuzzIntegrationTests {

	private static final long A_IDS = 6411000000000000L;

	private static final long B_IDS = 6422000000000000L;

	private static ConfigurableApplicationContext context;

	private static FuzzClient client;

	private static FuzzRequests requests;

	@BeforeContainer
	static void start() throws Exception {
		String url = TestPostgres.newDatabase();
		TestSchemas.migrate(url, "admin", "processor");
		context = new SpringApplicationBuilder(QueryApplication.class)
			.properties(Map.of("server.port", "0", "spring.datasource.url", url, "spring.datasource.username",
					"postgres", "spring.datasource.password", "", "cti.required-settings", "",
					"cti.query.rate-limit.requests-per-second", "100000", "cti.query.rate-limit.burst", "100000",
					"cti.query.rate-limit.invalid-key-burst", "100000", "cti.query.stream.heartbeat-interval", "1s"))
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		client = new FuzzClient(port);
		TestData data = new TestData(context.getBean(JdbcClient.class));
		UUID a = data.newApp();
		UUID b = data.newApp();
		String keyA = data.issueKey(a);
		String keyB = data.issueKey(b);
		String revoked = data.issueKey(a);
		data.revoke(revoked);
		seed(data, a, A_IDS, "Alpha Marker Contact", "alpha-marker-user");
		seed(data, b, B_IDS, "Bravo Marker Contact", "bravo-marker-user");
		Set<String> ofA = Set.of(a.toString(), "Alpha Marker", "alpha-marker", Long.toString(A_IDS / 1_000_000));
		Set<String> ofB = Set.of(b.toString(), "Bravo Marker", "bravo-marker", Long.toString(B_IDS / 1_000_000));
		Arbitrary<FuzzCaller> callers = Arbitraries
			.frequencyOf(Tuple.of(6, Arbitraries.just(new FuzzCaller("app A", Map.of("x-app-api-key", keyA), ofB))),
					Tuple.of(2, Arbitraries.just(new FuzzCaller("app B", Map.of("x-app-api-key", keyB), ofA))),
					Tuple.of(1, Arbitraries.just(new FuzzCaller("no key", Map.of(), union(ofA, ofB)))),
					Tuple.of(1, Arbitraries.of(
							new FuzzCaller("revoked key of A", Map.of("x-app-api-key", revoked), union(ofA, ofB)),
							new FuzzCaller("A's key in the wrong header", Map.of("Authorization", "Bearer " + keyA),
									union(ofA, ofB)),
							new FuzzCaller("a made-up key", Map.of("x-app-api-key", "cti_" + "x".repeat(43)),
									union(ofA, ofB)),
							new FuzzCaller("an empty key", Map.of("x-app-api-key", ""), union(ofA, ofB)))));
		String docs = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		List<FuzzOperation> operations = FuzzOperation.fromOpenApi(JsonMapper.shared().readTree(docs));
		List<String> ids = List.of(Long.toString(A_IDS + 1), Long.toString(A_IDS + 2), Long.toString(B_IDS + 1),
				Long.toString(B_IDS + 2));
		requests = new FuzzRequests(operations, Map.of("call_id", ids, "conversation_id", ids, "message_id", ids),
				callers);
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Property(seed = "14")
	void neverAServerErrorNorAnotherAppsData(@ForAll("requests") FuzzRequest request) {
		FuzzResponse response = client.send(request);
		Statistics.label("operation").collect(request.operation().toString());
		Statistics.label("status").collect(response.status());
		FuzzChecks.check(request, response, List.of());
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		return requests.requests();
	}

	private static void seed(TestData data, UUID app, long ids, String contact, String user) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 1; i <= 3; i++) {
			CallRow call = new CallRow(app, ids + i, now.minusSeconds(3600L * i)).contactName(contact)
				.user(5500000000000777L, user);
			data.insertCall(call);
			data.insertMessage(app, ids + i, now.minusSeconds(60L * i), "inbound", "+14155550" + (100 + i),
					new String[] { "+14155550199" }, "delivered", contact);
			data.insertVoicemail(app, ids + i, now.minusSeconds(120L * i), "+14155550" + (100 + i), 5500000000000777L,
					null, "Call me back, " + contact, contact);
			data.recordChange(app, "call", ids + i);
		}
		data.mapUser(app, 5500000000000777L, user);
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		return Stream.concat(first.stream(), second.stream()).collect(Collectors.toSet());
	}

}
