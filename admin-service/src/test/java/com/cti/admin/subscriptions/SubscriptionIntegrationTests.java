package com.cti.admin.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cti.admin.fakedialpad.FakeDialpad;
import com.cti.admin.fakedialpad.ProvisioningIntegrationTest;
import com.cti.admin.support.AdminApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /internal/subscriptions} end to end against the fake Dialpad and the database.
 */
class SubscriptionIntegrationTests extends ProvisioningIntegrationTest {

	private static final JsonMapper json = JsonMapper.shared();

	@Test
	void subscribesTheAppsWebhookToEveryStateACtiClientNeedsByDefault() {
		UUID appId = newApp();
		long webhookId = createWebhook(appId);

		Response response = api().post("/internal/subscriptions/call", """
				{"app_id": "%s"}""".formatted(appId));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		long id = response.json().path("subscription_id").longValue();
		FakeDialpad.Subscription atDialpad = only("call");
		assertThat(atDialpad.id()).isEqualTo(id);
		assertThat(atDialpad.endpointId()).isEqualTo(webhookId);
		assertThat(strings(atDialpad.fields().get("call_states"))).containsExactlyElementsOf(CallStates.DEFAULT)
			.contains("ringing", "connected", "hangup", "missed", "voicemail", "voicemail_uploaded", "recording",
					"transcription", "recap_summary", "csat")
			.doesNotContain("all");
		assertThat(atDialpad.fields().path("enabled").asBoolean()).isTrue();
		String sent = this.dialpad.requests("POST", "/api/v2/subscriptions/call").get(0).getBodyAsString();
		assertThat(json.readTree(sent).path("endpoint_id").longValue()).isEqualTo(webhookId);
		assertThat(json.readTree(sent).has("webhook_id")).isFalse();
		assertThat(response.json().path("webhook_id").longValue()).isEqualTo(webhookId);
		assertThat(strings(response.json().path("settings").path("call_states"))).hasSize(CallStates.DEFAULT.size());
		assertThat(liveRows(appId)).isOne();
	}

	@Test
	void createsSubscriptionsWithTheSettingsAsked() {
		UUID appId = newApp();
		createWebhook(appId);

		Response call = api().post("/internal/subscriptions/call", """
				{"app_id": "%s", "call_states": ["ringing", "hangup", "ringing"], "target_type": "department",
				 "target_id": "5500000000000777", "group_calls_only": true, "enabled": false}""".formatted(appId));
		Response sms = api().post("/internal/subscriptions/sms?app_id=" + appId, """
				{"direction": "inbound", "include_internal": true}""");

		assertThat(call.status()).as(call.text()).isEqualTo(201);
		ObjectNode callFields = only("call").fields();
		assertThat(strings(callFields.get("call_states"))).containsExactly("ringing", "hangup");
		assertThat(callFields.path("target_type").asString()).isEqualTo("department");
		assertThat(callFields.path("target_id").asLong()).isEqualTo(5500000000000777L);
		assertThat(callFields.path("group_calls_only").asBoolean()).isTrue();
		assertThat(callFields.path("enabled").asBoolean()).isFalse();
		assertThat(sms.status()).as(sms.text()).isEqualTo(201);
		ObjectNode smsFields = only("sms").fields();
		assertThat(smsFields.path("direction").asString()).isEqualTo("inbound");
		assertThat(smsFields.path("include_internal").asBoolean()).isTrue();
		assertThat(smsFields.path("status").asBoolean()).isTrue();
		assertThat(sms.json().path("settings").path("direction").asString()).isEqualTo("inbound");
	}

	@Test
	void refusesBadSubscriptionsWithA400AndSendsNothingToDialpad() {
		UUID appId = newApp();
		createWebhook(appId);
		List<Response> refused = new ArrayList<>();
		refused.add(api().post("/internal/subscriptions/call", """
				{"app_id": "%s", "call_states": ["ringing", "exploded"]}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/call", """
				{"app_id": "%s", "call_states": []}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/call", """
				{"app_id": "%s", "target_type": "user"}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/call", """
				{"app_id": "%s", "target_type": "planet", "target_id": 1}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/sms", """
				{"app_id": "%s", "direction": "sideways"}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/sms", """
				{"app_id": "%s", "call_states": ["ringing"]}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/call", "{}"));
		refused.add(api().post("/internal/subscriptions/call?app_id=" + UUID.randomUUID(), """
				{"app_id": "%s"}""".formatted(appId)));
		refused.add(api().post("/internal/subscriptions/call", "{\"app_id\": "));
		refused.add(api().post("/internal/subscriptions/call", "{\"app_id\": \"nope\"}"));

		assertThat(refused).allSatisfy((response) -> assertThat(response.isProblem(400)).as(response.text()).isTrue());
		assertThat(refused.get(0).field("detail")).contains("exploded");
		assertThat(api().post("/internal/subscriptions/call?app_id=" + UUID.randomUUID(), null).isProblem(404))
			.isTrue();
		Response noWebhook = api().post("/internal/subscriptions/sms?app_id=" + newApp(), null);
		assertThat(noWebhook.isProblem(409)).isTrue();
		assertThat(noWebhook.field("detail")).contains("/internal/webhooks/create");
		assertThat(this.dialpad.requests("POST", "/api/v2/subscriptions/call")).isEmpty();
		assertThat(this.dialpad.requests("POST", "/api/v2/subscriptions/sms")).isEmpty();
		assertThat(liveRows(appId)).isZero();
	}

	@Test
	void listsShowsChangesAndDeletes() {
		UUID appId = newApp();
		long webhookId = createWebhook(appId);
		long call = api().post("/internal/subscriptions/call?app_id=" + appId, null)
			.json()
			.path("subscription_id")
			.longValue();
		long sms = api().post("/internal/subscriptions/sms?app_id=" + appId, null)
			.json()
			.path("subscription_id")
			.longValue();

		assertThat(api().get("/internal/subscriptions?app_id=" + appId).json()).hasSize(2);
		JsonNode onlySms = api().get("/internal/subscriptions?type=sms&app_id=" + appId).json();
		assertThat(onlySms).hasSize(1);
		assertThat(onlySms.get(0).path("subscription_id").longValue()).isEqualTo(sms);
		assertThat(api().get("/internal/subscriptions?type=fax").isProblem(400)).isTrue();
		JsonNode shown = api().get("/internal/subscriptions/call/" + call).json();
		assertThat(shown.path("dialpad").path("exists").asBoolean()).isTrue();
		assertThat(shown.path("dialpad").path("in_sync").asBoolean()).isTrue();

		Response changed = api().patch("/internal/subscriptions/call/" + call, """
				{"call_states": ["ringing", "hangup"], "enabled": false}""");
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		ObjectNode fields = only("call").fields();
		assertThat(strings(fields.get("call_states"))).containsExactly("ringing", "hangup");
		assertThat(fields.path("enabled").asBoolean()).isFalse();
		assertThat(only("call").endpointId()).isEqualTo(webhookId);
		assertThat(api().patch("/internal/subscriptions/call/" + call, "{\"call_states\": [\"bogus\"]}").isProblem(400))
			.isTrue();
		assertThat(api().patch("/internal/subscriptions/sms/" + sms, "{\"group_calls_only\": true}").isProblem(400))
			.isTrue();
		assertThat(strings(only("call").fields().get("call_states"))).containsExactly("ringing", "hangup");
		assertThat(api().get("/internal/subscriptions/call/" + call).json().path("dialpad").path("in_sync").asBoolean())
			.isTrue();

		assertThat(api().delete("/internal/subscriptions/call/" + call).status()).isEqualTo(204);
		assertThat(this.dialpad.subscriptions("call")).isEmpty();
		assertThat(api().get("/internal/subscriptions/call/" + call).isProblem(404)).isTrue();
		assertThat(api().delete("/internal/subscriptions/call/" + call).isProblem(404)).isTrue();
		assertThat(api().get("/internal/subscriptions/sms/" + call).isProblem(404)).isTrue();
		assertThat(api().get("/internal/subscriptions/fax/" + sms).isProblem(404)).isTrue();
		assertThat(api().get("/internal/subscriptions?app_id=" + appId).json()).hasSize(1);
	}

	@Test
	void showsADifferenceMadeAtDialpad() {
		UUID appId = newApp();
		createWebhook(appId);
		long call = api().post("/internal/subscriptions/call?app_id=" + appId, null)
			.json()
			.path("subscription_id")
			.longValue();

		this.dialpad.changeSubscription(call, (ObjectNode) json.readTree("{\"enabled\": false}"));
		JsonNode changed = api().get("/internal/subscriptions/call/" + call).json().path("dialpad");
		this.dialpad.removeSubscription(call);
		JsonNode gone = api().get("/internal/subscriptions/call/" + call).json().path("dialpad");

		assertThat(changed.path("exists").asBoolean()).isTrue();
		assertThat(changed.path("in_sync").asBoolean()).isFalse();
		assertThat(gone.path("exists").asBoolean()).isFalse();
	}

	@Test
	void reconcilesTheRecordWithDialpadsOwnList() {
		UUID appId = newApp();
		long webhookId = createWebhook(appId);
		long kept = api().post("/internal/subscriptions/call?app_id=" + appId, null)
			.json()
			.path("subscription_id")
			.longValue();
		long changed = api().post("/internal/subscriptions/sms?app_id=" + appId, null)
			.json()
			.path("subscription_id")
			.longValue();
		long lost = api().post("/internal/subscriptions/call?app_id=" + appId, "{\"call_states\": [\"hangup\"]}")
			.json()
			.path("subscription_id")
			.longValue();
		this.dialpad.removeSubscription(lost);
		this.dialpad.changeSubscription(changed, (ObjectNode) json.readTree("{\"direction\": \"outbound\"}"));
		long foreign = this.dialpad
			.addSubscription("sms", webhookId,
					(ObjectNode) json.readTree("{\"direction\": \"inbound\", \"enabled\": true, \"status\": false}"))
			.id();
		long otherWebhook = this.dialpad.addWebhook("https://elsewhere.example/h", null).id();
		this.dialpad.addSubscription("call", otherWebhook,
				(ObjectNode) json.readTree("{\"call_states\": [\"ringing\"]}"));
		this.dialpad.pageSize(1);

		JsonNode dryRun = api().post("/internal/subscriptions/reconcile?dry_run=true&app_id=" + appId, null).json();

		assertThat(dryRun.path("dry_run").asBoolean()).isTrue();
		assertThat(strings(dryRun.get("in_sync"))).containsExactly("call:" + kept);
		assertThat(strings(dryRun.get("missing_at_dialpad"))).containsExactly("call:" + lost);
		assertThat(strings(dryRun.get("updated"))).containsExactly("sms:" + changed);
		assertThat(strings(dryRun.get("adopted"))).containsExactly("sms:" + foreign);
		assertThat(liveRows(appId)).isEqualTo(3);

		JsonNode applied = api().post("/internal/subscriptions/reconcile?app_id=" + appId, null).json();
		JsonNode again = api().post("/internal/subscriptions/reconcile?app_id=" + appId, null).json();

		assertThat(applied).isEqualTo(((ObjectNode) dryRun).put("dry_run", false));
		assertThat(strings(again.get("in_sync"))).containsExactlyInAnyOrder("call:" + kept, "sms:" + changed,
				"sms:" + foreign);
		assertThat(strings(again.get("updated"))).isEmpty();
		assertThat(liveRows(appId)).isEqualTo(3);
		assertThat(api().get("/internal/subscriptions/sms/" + changed)
			.json()
			.path("settings")
			.path("direction")
			.asString()).isEqualTo("outbound");
		assertThat(
				api().get("/internal/subscriptions/sms/" + foreign).json().path("settings").path("status").asBoolean())
			.isFalse();
		assertThat(api().post("/internal/subscriptions/reconcile?app_id=" + newApp(), null).isProblem(409)).isTrue();
		assertThat(api().post("/internal/subscriptions/reconcile", null).isProblem(400)).isTrue();
	}

	@Test
	void recordsNothingWhenDialpadFailsAndGetsThroughATransientRateLimit() {
		UUID appId = newApp();
		createWebhook(appId);
		this.dialpad.failNext("POST", "/api/v2/subscriptions/call", 500, 1);

		Response failed = api().post("/internal/subscriptions/call?app_id=" + appId, null);

		assertThat(failed.isProblem(502)).isTrue();
		assertThat(liveRows(appId)).isZero();
		assertThat(this.dialpad.subscriptions("call")).isEmpty();

		this.dialpad.rateLimitNext("POST", "/api/v2/subscriptions/call", null, 2);
		assertThat(api().post("/internal/subscriptions/call?app_id=" + appId, null).status()).isEqualTo(201);
		assertThat(this.dialpad.subscriptions("call")).hasSize(1);
		assertThat(liveRows(appId)).isOne();
	}

	private long createWebhook(UUID appId) {
		Response response = api().post("/internal/webhooks/create?app_id=" + appId, null);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json().path("webhook_id").longValue();
	}

	private FakeDialpad.Subscription only(String type) {
		List<FakeDialpad.Subscription> all = this.dialpad.subscriptions(type);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private int liveRows(UUID appId) {
		return this.jdbc.sql("select count(*) from dialpad_subscriptions where app_id = :app and deleted_at is null")
			.param("app", appId)
			.query(Integer.class)
			.single();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
