package com.cti.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cti.admin.support.AdminApi;
import com.cti.model.Topics;
import com.cti.platform.TestPostgres;
import com.cti.platform.TestSchemas;
import com.cti.platform.fuzz.FuzzCaller;
import com.cti.platform.fuzz.FuzzChecks;
import com.cti.platform.fuzz.FuzzClient;
import com.cti.platform.fuzz.FuzzClient.FuzzResponse;
import com.cti.platform.fuzz.FuzzOperation;
import com.cti.platform.fuzz.FuzzRequest;
import com.cti.platform.fuzz.FuzzRequests;
import com.cti.platform.fuzz.MappedOperations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The fuzzer of the admin API. The admin service has no OpenAPI description (it is the
 * operators' API, behind the internal Bearer): its operations are read from its own
 * Spring MVC mappings instead. Requests go to the real service over a real Kafka broker
 * and PostgreSQL, with two apps; whatever the request, the answer is never an unplanned
 * server error nor shows the implementation, every error is a problem, and an answer
 * about app A (its id in the path) never holds app B's id or name, nor the reverse.
 * Dialpad is not configured (and unreachable): the operations that need it answer their
 * designed 503. A fixed seed; {@code -Djqwik.tries.default=N} runs more requests.
 */
class AdminApiFuzzIntegrationTests {

	private static EmbeddedKafkaKraftBroker kafka;

	private static ConfigurableApplicationContext context;

	private static FuzzClient client;

	private static FuzzRequests requests;

	private static AdminApi.CreatedApp a;

	private static AdminApi.CreatedApp b;

	@BeforeContainer
	static void start() {
		kafka = new EmbeddedKafkaKraftBroker(1, 2, Topics.DIALPAD_EVENTS);
		kafka.afterPropertiesSet();
		String url = TestPostgres.newDatabase();
		TestSchemas.migrate(url, "processor", "query");
		// arguments: they come before application.yml
		context = new SpringApplicationBuilder(AdminApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(), "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--cti.required-settings=",
				"--cti.admin.internal-api-secret=" + AdminApi.SECRET, "--cti.admin.auth-failures.max-attempts=100000",
				"--cti.dialpad.api-base-url=http://127.0.0.1:9", "--cti.admin.ingest.url=http://127.0.0.1:9");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		client = new FuzzClient(port);
		AdminApi api = new AdminApi(port);
		a = api.createApp("Alpha Marker App");
		b = api.createApp("Bravo Marker App");
		List<FuzzOperation> operations = MappedOperations.of(
				context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods(),
				List.of("/internal", "/oauth"));
		String bearer = "Bearer " + AdminApi.SECRET;
		Arbitrary<FuzzCaller> callers = Arbitraries.frequencyOf(
				Tuple.of(8,
						Arbitraries.just(new FuzzCaller("the operator", Map.of("Authorization", bearer), Set.of()))),
				Tuple.of(1, Arbitraries.of(new FuzzCaller("no credentials", Map.of(), Set.of()),
						new FuzzCaller("a wrong secret", Map.of("Authorization", bearer + "x"), Set.of()),
						new FuzzCaller("an app's API key", Map.of("Authorization", "Bearer " + a.apiKey()), Set.of()),
						new FuzzCaller("the secret without Bearer", Map.of("Authorization", AdminApi.SECRET), Set.of()),
						new FuzzCaller("the secret as Basic", Map.of("Authorization", "Basic " + AdminApi.SECRET),
								Set.of()))));
		List<String> apps = List.of(a.appId().toString(), b.appId().toString());
		requests = new FuzzRequests(operations, Map.of("appId", apps, "app_id", apps), callers);
	}

	@AfterContainer
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (kafka != null) {
			kafka.destroy();
		}
	}

	@Property(seed = "14")
	void neverAnUnplannedServerErrorNorAnotherAppsData(@ForAll("requests") FuzzRequest request) {
		FuzzResponse response = client.send(request);
		Statistics.label("operation").collect(request.operation().toString());
		Statistics.label("status").collect(response.status());
		FuzzChecks.check(request, response, List.of(503), otherApp(request));
	}

	@Provide
	Arbitrary<FuzzRequest> requests() {
		return requests.requests();
	}

	/** What an answer about one app must not hold: the other app's id and name. */
	private static Set<String> otherApp(FuzzRequest request) {
		boolean aboutA = request.pathAndQuery().contains(a.appId().toString());
		boolean aboutB = request.pathAndQuery().contains(b.appId().toString());
		if (aboutA && !aboutB) {
			return Set.of(b.appId().toString(), "Bravo Marker", b.apiKey());
		}
		if (aboutB && !aboutA) {
			return Set.of(a.appId().toString(), "Alpha Marker", a.apiKey());
		}
		return Set.of(a.apiKey(), b.apiKey());
	}

}
