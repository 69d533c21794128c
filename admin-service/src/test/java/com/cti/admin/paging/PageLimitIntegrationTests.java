package com.cti.admin.paging;

import java.util.List;

import com.cti.admin.support.AdminApi;
import com.cti.admin.support.AdminApi.Response;
import com.cti.admin.support.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged list under {@code /internal} refuses a page larger than
 * {@link PageLimit#MAX} with a 400 problem, and serves one of exactly that size.
 */
@AdminIntegrationTest
class PageLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void refusesAPageLargerThanTheMaximumOnEveryList() {
		AdminApi api = new AdminApi(this.port);
		AdminApi.CreatedApp app = api.createApp("page-limit-test");
		List<String> lists = List.of("/internal/apps", "/internal/audit", "/internal/events/unattributed",
				"/internal/events/failed", "/internal/apps/" + app.appId() + "/user-mappings");

		for (String list : lists) {
			Response tooLarge = api.get(list + "?limit=" + (PageLimit.MAX + 1));
			assertThat(tooLarge.isProblem(400)).as(list).isTrue();
			assertThat(tooLarge.text()).as(list).contains("limit").contains("500");
			assertThat(api.get(list + "?limit=" + PageLimit.MAX).status()).as(list).isEqualTo(200);
		}
	}

}
