package com.cti.admin.apps;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parameter that does not convert is a 400 problem that names it and what was given,
 * never a Java type or an array's identity (found by the admin API's fuzzer: a parameter
 * given twice showed {@code [Ljava.lang.String;@...}).
 */
@AdminIntegrationTest
class ParameterTypesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void namesAParameterGivenTwiceWithoutShowingJavaTypes() {
		AdminApi api = new AdminApi(this.port);
		AdminApi.CreatedApp app = api.createApp("parameter-types-test");

		Response twice = api.get("/internal/apps/" + app.appId() + "/user-mappings?limit=&limit=100");
		assertThat(twice.isProblem(400)).isTrue();
		assertThat(twice.field("detail")).isEqualTo("'limit' must be a whole number (got ',100')");
		Response purge = api.delete("/internal/apps/" + app.appId() + "?purge=maybe&purge=maybe");
		assertThat(purge.isProblem(400)).isTrue();
		assertThat(purge.field("detail")).isEqualTo("'purge' must be true or false (got 'maybe,maybe')");
	}

	@Test
	void namesAPathVariableOfTheWrongType() {
		Response response = new AdminApi(this.port).get("/internal/apps/not-a-uuid");

		assertThat(response.isProblem(400)).isTrue();
		assertThat(response.field("detail")).isEqualTo("'app_id' must be a UUID (got 'not-a-uuid')");
		assertThat(response.text()).doesNotContain("java.").doesNotContain("Failed to convert");
	}

}
