package com.cti.admin.subscriptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.cti.admin.dialpad.DialpadSubscription;
import com.cti.admin.dialpad.ProvisioningProblems;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What a subscription asks Dialpad for, apart from its webhook and whether it is enabled:
 * call states and group calls (call), direction, internal messages and delivery status
 * (SMS), and the target it is limited to. Stored as JSON in
 * {@code dialpad_subscriptions.settings} with the same names as Dialpad's fields.
 *
 * @param callStates (call) the call states sent
 * @param groupCallsOnly (call) only calls of groups
 * @param direction (SMS) all, inbound or outbound
 * @param includeInternal (SMS) messages between the company's users too
 * @param status (SMS) delivery status updates too
 * @param targetType the kind of target the subscription is limited to, or null (the whole
 * company)
 * @param targetId the target's id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionSettings(@Nullable List<String> callStates, @Nullable Boolean groupCallsOnly,
		@Nullable String direction, @Nullable Boolean includeInternal, @Nullable Boolean status,
		@Nullable String targetType, @Nullable Long targetId) {

	static SubscriptionSettings call(@Nullable List<String> callStates, @Nullable Boolean groupCallsOnly,
			@Nullable String targetType, @Nullable Long targetId) {
		return new SubscriptionSettings((callStates != null) ? callStates : CallStates.DEFAULT,
				Boolean.TRUE.equals(groupCallsOnly), null, null, null, targetType, targetId)
			.validated(SubscriptionType.CALL);
	}

	static SubscriptionSettings sms(@Nullable String direction, @Nullable Boolean includeInternal,
			@Nullable Boolean status, @Nullable String targetType, @Nullable Long targetId) {
		return new SubscriptionSettings(null, null, (direction != null) ? direction : "all",
				Boolean.TRUE.equals(includeInternal), (status != null) ? status : Boolean.TRUE, targetType, targetId)
			.validated(SubscriptionType.SMS);
	}

	/** What Dialpad has, in the same shape (absent flags read as false). */
	static SubscriptionSettings of(DialpadSubscription subscription, SubscriptionType type) {
		return (type == SubscriptionType.CALL)
				? new SubscriptionSettings(subscription.callStates(),
						Boolean.TRUE.equals(subscription.groupCallsOnly()), null, null, null, subscription.targetType(),
						subscription.targetId())
				: new SubscriptionSettings(null, null, subscription.direction(),
						Boolean.TRUE.equals(subscription.includeInternal()), Boolean.TRUE.equals(subscription.status()),
						subscription.targetType(), subscription.targetId());
	}

	/** These settings with the changes given (null: unchanged), validated. */
	SubscriptionSettings with(SubscriptionChanges changes, SubscriptionType type) {
		boolean retarget = changes.targetType() != null || changes.targetId() != null;
		var changed = new SubscriptionSettings((changes.callStates() != null) ? changes.callStates() : this.callStates,
				(changes.groupCallsOnly() != null) ? changes.groupCallsOnly() : this.groupCallsOnly,
				(changes.direction() != null) ? changes.direction() : this.direction,
				(changes.includeInternal() != null) ? changes.includeInternal() : this.includeInternal,
				(changes.status() != null) ? changes.status() : this.status,
				retarget ? changes.targetType() : this.targetType, retarget ? changes.targetId() : this.targetId);
		return changed.validated(type);
	}

	/** Whether Dialpad has the same settings (call states in any order). */
	boolean sameAs(SubscriptionSettings other) {
		return normalized().equals(other.normalized());
	}

	private SubscriptionSettings normalized() {
		List<String> states = (this.callStates != null) ? new ArrayList<>(new TreeSet<>(this.callStates)) : null;
		return new SubscriptionSettings(states, this.groupCallsOnly, this.direction, this.includeInternal, this.status,
				this.targetType, this.targetId);
	}

	/** Dialpad's request body: these settings, the webhook and whether enabled. */
	Map<String, Object> dialpadBody(long endpointId, boolean enabled) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("endpoint_id", endpointId);
		body.put("enabled", enabled);
		putIfSet(body, "call_states", this.callStates);
		putIfSet(body, "group_calls_only", this.groupCallsOnly);
		putIfSet(body, "direction", this.direction);
		putIfSet(body, "include_internal", this.includeInternal);
		putIfSet(body, "status", this.status);
		putIfSet(body, "target_type", this.targetType);
		putIfSet(body, "target_id", this.targetId);
		return body;
	}

	private static void putIfSet(Map<String, Object> body, String name, @Nullable Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

	private SubscriptionSettings validated(SubscriptionType type) {
		List<String> errors = new ArrayList<>();
		if ((this.targetType == null) != (this.targetId == null)) {
			errors.add("target_type and target_id go together");
		}
		if (this.targetType != null && !CallStates.TARGET_TYPES.contains(this.targetType)) {
			errors.add("target_type must be one of " + new TreeSet<>(CallStates.TARGET_TYPES));
		}
		if (this.targetId != null && this.targetId <= 0) {
			errors.add("target_id must be a positive id");
		}
		if (type == SubscriptionType.CALL
				&& (this.direction != null || this.includeInternal != null || this.status != null)) {
			errors.add("direction, include_internal and status are settings of SMS subscriptions");
		}
		if (type == SubscriptionType.SMS && (this.callStates != null || this.groupCallsOnly != null)) {
			errors.add("call_states and group_calls_only are settings of call subscriptions");
		}
		if (type == SubscriptionType.CALL) {
			validateCallStates(errors);
		}
		else if (this.direction == null || !CallStates.SMS_DIRECTIONS.contains(this.direction)) {
			errors.add("direction must be all, inbound or outbound");
		}
		if (!errors.isEmpty()) {
			throw ProvisioningProblems.badRequest("invalid-subscription", "Invalid subscription",
					String.join("; ", errors));
		}
		return (type == SubscriptionType.CALL && this.callStates != null)
				? new SubscriptionSettings(List.copyOf(new LinkedHashSet<>(this.callStates)), this.groupCallsOnly, null,
						null, null, this.targetType, this.targetId)
				: this;
	}

	private void validateCallStates(List<String> errors) {
		if (this.callStates == null || this.callStates.isEmpty()) {
			errors.add("call_states must name at least one state");
			return;
		}
		List<String> unknown = this.callStates.stream()
			.filter((state) -> state == null || !CallStates.KNOWN.contains(state))
			.toList();
		if (!unknown.isEmpty()) {
			errors.add("unknown call_states " + unknown + "; known: " + new TreeSet<>(CallStates.KNOWN));
		}
	}

}
