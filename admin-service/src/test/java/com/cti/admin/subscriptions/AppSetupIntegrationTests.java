package com.cti.admin.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.fakedialpad.FakeDialpad;
import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.fakedialpad.TopicReader;
import com.cti.admin.support.AdminApi.Response;
import com.cti.model.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/apps/{app_id}/setup}: the app's Dialpad webhook and its call and
 * SMS subscriptions in one call, against the fake Dialpad.
 */
class AppSetupIntegrationTests extends ProvisioningIntegrationTest {

	@Test
	void setsUpTheWebhookAndBothSubscriptionsAndIsSafeToRepeat() {
		UUID appId = newApp();

		Response first = api().post("/internal/apps/" + appId + "/setup", null);

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(statuses(first)).containsExactly("webhook:created", "call_subscription:created",
				"sms_subscription:created");
		long webhookId = first.json().path("webhook_id").longValue();
		assertThat(first.field("hook_url")).isEqualTo(hookUrl(appId));
		assertThat(this.dialpad.webhooks()).extracting(FakeDialpad.Webhook::id).containsExactly(webhookId);
		assertThat(this.dialpad.subscriptions("call")).singleElement()
			.satisfies((call) -> assertThat(call.endpointId()).isEqualTo(webhookId));
		assertThat(this.dialpad.subscriptions("sms")).singleElement()
			.satisfies((sms) -> assertThat(sms.endpointId()).isEqualTo(webhookId));
		assertThat(TopicReader.withKey(this.brokers, Topics.WEBHOOK_SECRETS, appId.toString())).isNotEmpty();

		Response second = api().post("/internal/apps/" + appId + "/setup", null);

		assertThat(second.status()).isEqualTo(200);
		assertThat(statuses(second)).containsExactly("webhook:exists", "call_subscription:exists",
				"sms_subscription:exists");
		assertThat(ids(second)).isEqualTo(ids(first));
		assertThat(this.dialpad.webhooks()).hasSize(1);
		assertThat(this.dialpad.subscriptions("call")).hasSize(1);
		assertThat(this.dialpad.subscriptions("sms")).hasSize(1);
		assertThat(this.dialpad.requests("POST", "/api/v2/webhooks")).hasSize(1);
		assertThat(this.dialpad.requests("POST", "/api/v2/subscriptions/call")).hasSize(1);
	}

	@Test
	void makesAgainWhatDialpadLost() {
		UUID appId = newApp();
		Response first = api().post("/internal/apps/" + appId + "/setup", null);
		this.dialpad.removeSubscription(ids(first).get(1));

		Response again = api().post("/internal/apps/" + appId + "/setup", null);

		assertThat(statuses(again)).containsExactly("webhook:exists", "call_subscription:created",
				"sms_subscription:exists");
		assertThat(this.dialpad.subscriptions("call")).singleElement()
			.satisfies((call) -> assertThat(call.id()).isEqualTo(ids(again).get(1)));
	}

	@Test
	void reportsTheStepThatFailedAndFinishesWhenRepeated() {
		UUID appId = newApp();
		this.dialpad.failNext("POST", "/api/v2/subscriptions/sms", 500, 1);

		Response failed = api().post("/internal/apps/" + appId + "/setup", null);

		assertThat(failed.isProblem(502)).as(failed.text()).isTrue();
		assertThat(failed.field("detail")).startsWith("Set-up stopped at sms_subscription");
		assertThat(statuses(failed)).containsExactly("webhook:created", "call_subscription:created",
				"sms_subscription:failed");
		assertThat(this.dialpad.subscriptions("sms")).isEmpty();

		Response repeated = api().post("/internal/apps/" + appId + "/setup", null);

		assertThat(statuses(repeated)).containsExactly("webhook:exists", "call_subscription:exists",
				"sms_subscription:created");
		assertThat(this.dialpad.subscriptions("call")).hasSize(1);
		assertThat(this.dialpad.subscriptions("sms")).hasSize(1);
	}

	@Test
	void skipsSmsAndSignsNothingWhenAsked() {
		UUID appId = newApp();

		Response response = api().post("/internal/apps/" + appId + "/setup?sms=false&signed=false", null);

		assertThat(statuses(response)).containsExactly("webhook:created", "call_subscription:created",
				"sms_subscription:skipped");
		assertThat(this.dialpad.webhook(response.json().path("webhook_id").longValue()).secret()).isNull();
		assertThat(this.dialpad.subscriptions("sms")).isEmpty();
	}

	@Test
	void refusesAnUnknownAppOrBadParametersAndMakesNothing() {
		Response unknown = api().post("/internal/apps/" + UUID.randomUUID() + "/setup", null);

		assertThat(unknown.isProblem(404)).isTrue();
		assertThat(statuses(unknown)).containsExactly("webhook:failed");
		assertThat(api().post("/internal/apps/not-a-uuid/setup", null).isProblem(400)).isTrue();
		assertThat(api().post("/internal/apps/" + newApp() + "/setup?signed=false&use_global_secret=true", null)
			.isProblem(400)).isTrue();
		assertThat(api().post("/internal/apps/" + newDisabledApp() + "/setup", null).isProblem(409)).isTrue();
		assertThat(this.dialpad.webhooks()).isEmpty();
	}

	private static List<String> statuses(Response response) {
		List<String> statuses = new ArrayList<>();
		for (JsonNode step : response.json().path("steps")) {
			statuses.add(step.path("step").asString() + ":" + step.path("status").asString());
		}
		return statuses;
	}

	private static List<Long> ids(Response response) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode step : response.json().path("steps")) {
			ids.add(step.path("id").longValue());
		}
		return ids;
	}

}
