package com.cti.admin.subscriptions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import org.jspecify.annotations.Nullable;

/**
 * A change to a subscription: every field is optional, absent means unchanged. A target
 * is changed as a pair ({@code target_type} and {@code target_id}); both null keep it.
 *
 * @param callStates (call) the new call states
 * @param groupCallsOnly (call) only calls of groups
 * @param direction (SMS) all, inbound or outbound
 * @param includeInternal (SMS) messages between the company's users too
 * @param status (SMS) delivery status updates too
 * @param targetType the new target's kind
 * @param targetId the new target's id
 * @param enabled whether Dialpad sends events
 * @param unknown fields this API does not know (refused)
 */
record SubscriptionChanges(@Nullable List<String> callStates, @Nullable Boolean groupCallsOnly,
		@Nullable String direction, @Nullable Boolean includeInternal, @Nullable Boolean status,
		@Nullable String targetType, @Nullable Long targetId, @Nullable Boolean enabled,
		@JsonAnySetter @Nullable Map<String, Object> unknown) {
}
